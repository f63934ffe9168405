namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>Where a proposal stands at one recommending level (推荐单位审核).</summary>
public enum LevelDecision
{
    Pending = 0,      // 待审核
    Recommended = 1,  // 已推荐（占用名额）
    Rejected = 2,     // 不予推荐
    Returned = 3,     // 退回修改
}

public static class LevelDecisions
{
    public static Jiebang.Domain.Rules.LocalizedText NameOf(LevelDecision decision) => decision switch
    {
        LevelDecision.Recommended => new("已推荐", "recommended"),
        LevelDecision.Rejected => new("不予推荐", "not recommended"),
        LevelDecision.Returned => new("已退回修改", "returned for revision"),
        _ => new("待审核", "pending"),
    };
}
