namespace Jiebang.Domain.Guidelines;

/// <summary>A challenge-list item (榜单项) is compiled as a draft and becomes public with its call.</summary>
public enum GuidelineItemStatus
{
    Draft = 1,
    Published = 2,
    Withdrawn = 3,
}
