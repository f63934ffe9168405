using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// The rules of a central guidance fund proposal [annex 4], one a clause. Annex 4's sections are
/// cited as numbered in the seed notice: 一（三）2 is §1.3.2, 二（二） is §2.2, 三（一）2 is §3.1.2.
/// </summary>
public static class ProposalErrors
{
    // Amounts and categories.
    public static readonly ErrorCode AmountOutOfRange = ErrorCode.Invalid("PROPOSAL_AMOUNT_OUT_OF_RANGE", Clause.Platform("limits of input"));
    public static readonly ErrorCode AmountTooPrecise = ErrorCode.Invalid("PROPOSAL_AMOUNT_TOO_PRECISE", Clause.Platform("limits of input"));
    public static readonly ErrorCode BudgetSumMismatch = ErrorCode.Invalid("PROPOSAL_BUDGET_SUM_MISMATCH", Clause.Annex(4));
    public static readonly ErrorCode CategoryUnknown = ErrorCode.Invalid("PROPOSAL_CATEGORY_UNKNOWN", Clause.Annex(4, "1"));
    public static readonly ErrorCode SubsidyOverCap = ErrorCode.Invalid("PROPOSAL_SUBSIDY_OVER_CAP", Clause.Annex(4, "1.1.2, 1.2.2, 1.3.2"));
    /// <summary>A proposal taking up a published item asks at most what the item offers [notice §3: 发榜 → 揭榜].</summary>
    public static readonly ErrorCode SubsidyOverItemFunding = ErrorCode.Invalid("PROPOSAL_SUBSIDY_OVER_ITEM_FUNDING", Clause.Notice("3"));

    // 二 Project and fund management.
    public static readonly ErrorCode IndirectCostsFromFund = ErrorCode.Invalid("PROPOSAL_INDIRECT_COSTS_FROM_FUND", Clause.Annex(4, "2.1"));
    public static readonly ErrorCode SelfFundingBelowShare = ErrorCode.Invalid("PROPOSAL_SELF_FUNDING_BELOW_SHARE", Clause.Annex(4, "2.2"));
    public static readonly ErrorCode SelfFundingBelowSubsidy = ErrorCode.Invalid("PROPOSAL_SELF_FUNDING_BELOW_SUBSIDY", Clause.Annex(4, "2.2"));
    public static readonly ErrorCode RegionListUnknown = ErrorCode.Invalid("PROPOSAL_REGION_LIST_UNKNOWN", Clause.Annex(4, "2.2"));

    // 三（一）1 The applicant, integrity, one channel.
    public static readonly ErrorCode ApplicantGovernmentOrgan = ErrorCode.Invalid("PROPOSAL_APPLICANT_GOVERNMENT_ORGAN", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode ApplicantNotLegalPerson = ErrorCode.Invalid("PROPOSAL_APPLICANT_NOT_LEGAL_PERSON", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode ApplicantOutsideZhejiang = ErrorCode.Invalid("PROPOSAL_APPLICANT_OUTSIDE_ZHEJIANG", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode ApplicantCodeNotZhejiang = ErrorCode.Invalid("PROPOSAL_APPLICANT_CODE_NOT_ZHEJIANG", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode PartnerNotEligible = ErrorCode.Invalid("PROPOSAL_PARTNER_NOT_ELIGIBLE", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode Blacklisted = ErrorCode.Invalid("PROPOSAL_BLACKLISTED", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode SecondChannel = ErrorCode.Conflict("PROPOSAL_SECOND_CHANNEL", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode RepeatedProposal = ErrorCode.Conflict("PROPOSAL_REPEATED", Clause.Annex(4, "3.1.1"));

    // 三（一）2 The leader.
    public static readonly ErrorCode LeaderNotEmployee = ErrorCode.Invalid("PROPOSAL_LEADER_NOT_EMPLOYEE", Clause.Annex(4, "3.1.2"));
    public static readonly ErrorCode LeaderRetiresWithinProject = ErrorCode.Invalid("PROPOSAL_LEADER_RETIRES_WITHIN_PROJECT", Clause.Annex(4, "3.1.2"));
    public static readonly ErrorCode LeaderOngoingCentralGuidance = ErrorCode.Invalid("PROPOSAL_LEADER_ONGOING_CENTRAL_GUIDANCE", Clause.Annex(4, "3.1.2"));
    public static readonly ErrorCode LeaderProvincialProjectThisYear = ErrorCode.Invalid("PROPOSAL_LEADER_PROVINCIAL_THIS_YEAR", Clause.Annex(4, "3.1.2"));
    public static readonly ErrorCode ProjectPeriodMissing = ErrorCode.Invalid("PROPOSAL_PROJECT_PERIOD_MISSING", Clause.Annex(4, "2.1"));

    /// <summary>Every code of the catalogue, for the test that each has its texts.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        AmountOutOfRange, AmountTooPrecise, BudgetSumMismatch, CategoryUnknown, SubsidyOverCap, SubsidyOverItemFunding,
        IndirectCostsFromFund, SelfFundingBelowShare, SelfFundingBelowSubsidy, RegionListUnknown,
        ApplicantGovernmentOrgan, ApplicantNotLegalPerson, ApplicantOutsideZhejiang, ApplicantCodeNotZhejiang,
        PartnerNotEligible, Blacklisted, SecondChannel, RepeatedProposal,
        LeaderNotEmployee, LeaderRetiresWithinProject, LeaderOngoingCentralGuidance, LeaderProvincialProjectThisYear,
        ProjectPeriodMissing,
    ];
}
