namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>Where a proposal stands at one recommending level (推荐单位审核).</summary>
public enum LevelDecision
{
    Pending = 0,      // 待审核
    Recommended = 1,  // 已推荐（占用名额）
    Rejected = 2,     // 不予推荐
    Returned = 3,     // 退回修改
}
