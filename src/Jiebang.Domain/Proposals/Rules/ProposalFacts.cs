using Jiebang.Domain.Eligibility;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>What the lead unit is, as it declares it: it decides which self-funding rule applies.</summary>
public enum LeadUnitKind
{
    Enterprise = 1,              // 企业
    University = 2,              // 高校
    ResearchInstitute = 3,       // 科研院所
    NewRdInstitution = 4,        // 新型研发机构
    Hospital = 5,                // 医院
    OtherPublicInstitution = 6,  // 其他事业单位
    SocialOrganisation = 7,      // 社会组织
    GovernmentOrgan = 8,         // 政府机关
}

/// <summary>
/// The facts of a proposal the annex 4 rules read, as the form holds them: every value may be missing
/// while the applicant is still filling, and a missing one is simply not checked yet (the form's own
/// required-field check reports it). Money is in 万元 with fen precision (up to six decimals:
/// 0.000001 万元 = 0.01 元).
/// </summary>
public sealed record ProposalFacts
{
    /// <summary>The proposal's name (项目名称).</summary>
    public string? Name { get; init; }

    /// <summary>The support category, a key of <c>RoundSettings.CapsByCategory</c> (科技成果转移转化 …).</summary>
    public string? Category { get; init; }

    /// <summary>The challenge-list item (榜单项) it takes up, with the funding the item offers in 万元; null for a category proposal.</summary>
    public TakenItemFacts? Item { get; init; }

    public LeadUnitKind? UnitKind { get; init; }

    /// <summary>Whether the lead unit is an agricultural enterprise (农业类企业).</summary>
    public bool IsAgricultural { get; init; }

    public string? UnitUscc { get; init; }

    /// <summary>The county-level region code of the unit's registered address (331181 for Longquan).</summary>
    public string? UnitRegionCode { get; init; }

    public IReadOnlyList<PartnerFacts> Partners { get; init; } = [];
    public IReadOnlyList<TeamMemberFacts> Team { get; init; } = [];
    public LeaderFacts Leader { get; init; } = new();
    public BudgetFacts Budget { get; init; } = new();

    /// <summary>The unit's authorization letter for a leader who is not its employee (授权书) is attached.</summary>
    public bool HasAuthorizationLetter { get; init; }

    /// <summary>The unit's commitment letter for a leader who retires within the project (承诺书) is attached.</summary>
    public bool HasCommitmentLetter { get; init; }

    /// <summary>The recommending unit it goes through (its unit id).</summary>
    public long? RecommenderUnitId { get; init; }

    /// <summary>When this proposal was first submitted; null while it is a draft.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
}

/// <summary>The published item a proposal takes up: its name, and its funding (null when its channel sets none).</summary>
public sealed record TakenItemFacts(string Name, decimal? FundingWan);

/// <summary>A participating unit (参与单位); one that receives provincial money must itself be eligible.</summary>
public sealed record PartnerFacts(string? Name, string? Uscc, bool ReceivesFunds = false);

/// <summary>A team member (团队成员).</summary>
public sealed record TeamMemberFacts(string? Name, string? IdNumber);

/// <summary>The project leader (项目负责人) and the projects they declare.</summary>
public sealed record LeaderFacts
{
    public string? Name { get; init; }
    public string? IdNumber { get; init; }

    /// <summary>A current employee of the lead unit (在职人员).</summary>
    public bool IsEmployee { get; init; } = true;

    /// <summary>A member of the CAS or CAE (院士): retires at 70.</summary>
    public bool IsAcademician { get; init; }

    /// <summary>A woman's schedule follows her post (RULES.md); researchers default to 55 → 58. Ignored for men.</summary>
    public RetirementCategory WomanCategory { get; init; } = RetirementCategory.WomanCadre55;

    /// <summary>Leads an ongoing central guidance fund project (在研中央引导资金项目).</summary>
    public bool LeadsOngoingCentralGuidanceProject { get; init; }

    /// <summary>Leads a provincial S&amp;T plan project approved this year (同年度已立项省级科技计划项目).</summary>
    public bool LeadsProvincialProjectThisYear { get; init; }
}

/// <summary>The budget in 万元: total, the subsidy asked for (拟申请财政补助), self-funding (自筹经费).</summary>
public sealed record BudgetFacts
{
    public decimal? Total { get; init; }
    public decimal? Subsidy { get; init; }
    public decimal? SelfFunding { get; init; }

    /// <summary>Indirect costs budgeted from the guidance fund (间接费用).</summary>
    public decimal? IndirectCostsFromFund { get; init; }
}

/// <summary>
/// Another proposal of the same round as the system knows it, for the one-channel rule [annex 4 §3.1.1].
/// <see cref="TextSimilarity"/> is the 查重 score of its text against this one's (0..1), when computed.
/// </summary>
public sealed record OtherProposal(long Id, string? Name, string? UnitUscc, string? LeaderIdNumber,
    long? RecommenderUnitId, DateTimeOffset? SubmittedAt, double? TextSimilarity = null);
