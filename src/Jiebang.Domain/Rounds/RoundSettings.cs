namespace Jiebang.Domain.Rounds;

/// <summary>
/// The rule values of a round, as data staff edit. The 2024 values of annex 4 ship as the
/// preset of the central guidance fund round; see <see cref="RoundPresets"/>.
/// </summary>
public sealed record RoundSettings
{
    /// <summary>Cap per project, 万元, by support category [annex 4 §1].</summary>
    public Dictionary<string, decimal> CapsByCategory { get; init; } = [];

    /// <summary>Minimum self-funding share of the total for enterprise-led projects [annex 4 §2.2].</summary>
    public decimal EnterpriseSelfFundingMinShare { get; init; }

    /// <summary>Minimum self-funding share for agricultural enterprises and mountain or island county units [annex 4 §2.2].</summary>
    public decimal MountainIslandSelfFundingMinShare { get; init; }

    /// <summary>Which dated mountain/island county list the 60 % rule uses (RULES.md, Zhejiang regions).</summary>
    public string RegionListVersion { get; init; } = "mountain26_2022";

    /// <summary>Items per recommending unit or class of units [annex 4 §3.2].</summary>
    public List<RecommenderQuota> Quotas { get; init; } = [];

    /// <summary>Places outside the quota for rewarded cities and counties [annex 4 §3.2]; staff name them.</summary>
    public List<IncentiveQuota> IncentiveQuotas { get; init; } = [];

    public DateOnly? ProjectStartsOn { get; init; }
    public DateOnly? ProjectEndsOn { get; init; }

    public bool IndirectCostsAllowed { get; init; } = true;

    /// <summary>
    /// 查重: similar content at or above this score is reported at submission and to formal review
    /// [annex 4 §3.1.3]. 0.4 is the highest value at which the benchmark keeps both recall targets
    /// (docs/benchmarks.md); "about 0.6" is common practice for refusing outright, which is staff's call.
    /// </summary>
    public double SimilarityThreshold { get; init; } = 0.4;

    /// <summary>
    /// Whether a filing moves on (a recommending unit forwards it, the bureau accepts it) only with
    /// the stamped scan of its current version [notice §4.3: 报送WORD文档和盖章扫描件].
    /// </summary>
    public bool RequiresStampedScanOfCurrentVersion { get; init; }

    /// <summary>
    /// 查重: a passage of at least this many normalised 字 shared word for word with an earlier record
    /// is reported whatever the score, unless it is boilerplate of many records [annex 4 §3.1.3: the
    /// same content under another name]. 0 turns the passage rule off.
    /// </summary>
    public int SimilarityPassageChars { get; init; } = Similarity.SimilaritySettings.DefaultFlaggedPassageChars;
}
