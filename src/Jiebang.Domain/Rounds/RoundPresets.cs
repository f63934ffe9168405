namespace Jiebang.Domain.Rounds;

/// <summary>The two rounds of the Longquan notice of 2024-03-14, shipped as presets.</summary>
public static class RoundPresets
{
    public sealed record Preset(string Key, RoundKind Kind, string Title, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, string FormKeys, string TaxonomyKey, RoundSettings Settings);

    /// <summary>The demand solicitation: needs reach the bureau by 2024-04-15 [notice §4.3].</summary>
    public static readonly Preset DemandSolicitation2024 = new(
        "longquan-demand-2024", RoundKind.DemandSolicitation,
        "龙泉市2024年度科技项目技术攻关需求征集",
        ChinaTime.At(2024, 3, 14), ChinaTime.At(2024, 4, 15, 23, 59),
        "annex1@1,annex2@1,annex3@1", "longquan-2024", new RoundSettings());

    /// <summary>The central guidance fund reserve round [annex 4].</summary>
    public static readonly Preset CentralGuidanceFund2024 = new(
        "central-guidance-2024", RoundKind.ProposalCall,
        "2024年度中央引导地方科技发展资金储备项目",
        ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30),
        "annex4-table@1,annex4-performance@1", "zhejiang-provincial-2024",
        new RoundSettings
        {
            CapsByCategory = new()
            {
                ["区域科技创新体系建设"] = 300m, ["科技创新基地建设"] = 500m, ["科技成果转移转化"] = 200m,
            },
            EnterpriseSelfFundingMinShare = 0.80m,
            MountainIslandSelfFundingMinShare = 0.60m,
            RegionListVersion = "mountain26_2022",
            QuotaByRecommender = new()
            {
                ["杭州市"] = 15, ["温州市"] = 12, ["嘉兴市"] = 12, ["绍兴市"] = 12, ["湖州市"] = 10,
                ["金华市"] = 10, ["丽水市"] = 10, ["衢州市"] = 10, ["台州市"] = 10, ["舟山市"] = 6,
                ["省属本科高校（每校）"] = 2, ["省属科研院所（每所）"] = 1, ["浙江大学（含附属医院）"] = 12,
                ["省卫健委（除浙江大学附属医院）"] = 10, ["国资委"] = 10,
            },
            ProjectStartsOn = new DateOnly(2024, 6, 1),
            ProjectEndsOn = new DateOnly(2026, 5, 31),
            RecommendationDeadlineAt = ChinaTime.At(2024, 3, 25, 17, 30),
            IndirectCostsAllowed = false,
        });

    public static IReadOnlyList<Preset> All => [DemandSolicitation2024, CentralGuidanceFund2024];
}
