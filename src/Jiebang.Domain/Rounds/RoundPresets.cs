using Jiebang.Domain.Units;

namespace Jiebang.Domain.Rounds;

/// <summary>The two rounds of the Longquan notice of 2024-03-14, shipped as presets.</summary>
public static class RoundPresets
{
    /// <summary>A preset round; its filing window is <paramref name="OpensAt"/>..<paramref name="ClosesAt"/>, later stages in <paramref name="Stages"/>.</summary>
    public sealed record Preset(string Key, RoundKind Kind, string Title, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, IReadOnlyList<string> Forms, string TaxonomyKey, RoundSettings Settings,
        IReadOnlyList<RoundStage> Stages);

    /// <summary>
    /// The demand solicitation: "于2024年4月15日前……报送" [notice §4.3]. 前 is "before": the round
    /// closes at the start of 15 April CST, so the 14th is the last day (docs/forms.md).
    /// </summary>
    public static readonly Preset DemandSolicitation2024 = new(
        "longquan-demand-2024", RoundKind.DemandSolicitation,
        "龙泉市2024年度科技项目技术攻关需求征集",
        ChinaTime.At(2024, 3, 14), ChinaTime.At(2024, 4, 15),
        ["annex1@1", "annex2@1", "annex3@1"], "longquan-2024", new RoundSettings(), []);

    /// <summary>The central guidance fund reserve round [annex 4].</summary>
    public static readonly Preset CentralGuidanceFund2024 = new(
        "central-guidance-2024", RoundKind.ProposalCall,
        "2024年度中央引导地方科技发展资金储备项目",
        ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30),
        ["proposal@2", "annex4-table@1", "annex4-performance@1"], "zhejiang-provincial-2024",
        new RoundSettings
        {
            CapsByCategory = new()
            {
                ["区域科技创新体系建设"] = 300m, ["科技创新基地建设"] = 500m, ["科技成果转移转化"] = 200m,
            },
            EnterpriseSelfFundingMinShare = 0.80m,
            MountainIslandSelfFundingMinShare = 0.60m,
            RegionListVersion = "mountain26_2022",
            // Cities are their science bureaus (the region's prefecture code); 浙江大学, 省卫健委 and 国资委
            // are single bodies whose unit staff name once they are registered.
            Quotas =
            [
                City("杭州市", "330100", 15), City("温州市", "330300", 12), City("嘉兴市", "330400", 12),
                City("绍兴市", "330600", 12), City("湖州市", "330500", 10), City("金华市", "330700", 10),
                City("丽水市", "331100", 10), City("衢州市", "330800", 10), City("台州市", "331000", 10),
                City("舟山市", "330900", 6),
                new() { UnitClass = UnitType.University, Limit = 2, Note = "省属本科高校（每校）" },
                new() { UnitClass = UnitType.ResearchInstitute, Limit = 1, Note = "省属科研院所（每所）" },
                new() { Limit = 12, Note = "浙江大学（含附属医院）" },
                new() { Limit = 10, Note = "省卫健委（除浙江大学附属医院）" },
                new() { Limit = 10, Note = "国资委" },
            ],
            ProjectStartsOn = new DateOnly(2024, 6, 1),
            ProjectEndsOn = new DateOnly(2026, 5, 31),
            IndirectCostsAllowed = false,
        },
        // "于3月25日17:30前将推荐函……盖章后扫描上传" [annex 4 §4.2].
        [new RoundStage(RoundStageKind.Recommendation, null, ChinaTime.At(2024, 3, 25, 17, 30))]);

    static RecommenderQuota City(string name, string region, int limit) =>
        new() { UnitClass = UnitType.ScienceBureau, RegionCode = region, Limit = limit, Note = name };

    public static IReadOnlyList<Preset> All => [DemandSolicitation2024, CentralGuidanceFund2024];
}
