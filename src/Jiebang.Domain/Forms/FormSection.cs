namespace Jiebang.Domain.Forms;

/// <summary>
/// A row header of an annex that spans several fields, such as 期望达到的目标 over its four indicators
/// (annex 2) or 拟解决的问题 over 科学问题 and 技术问题 (annex 1). Fields name it in
/// <see cref="FieldDefinition.Section"/>; <see cref="MinFilled"/> asks that at least so many of them
/// be filled ("科学问题 and/or 技术问题").
/// </summary>
public sealed record FormSection
{
    public required string Key { get; init; }
    public required string LabelZh { get; init; }
    public required string LabelEn { get; init; }
    public string? HelpZh { get; init; }
    public string? HelpEn { get; init; }
    public int? MinFilled { get; init; }
}
