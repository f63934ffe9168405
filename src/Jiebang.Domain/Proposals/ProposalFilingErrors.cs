using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals;

/// <summary>
/// The rules of filing a proposal: what it applies for, through whom, and its budget's arithmetic. The
/// annex-4 eligibility rules (caps, self-funding shares, the leader's retirement, blacklists) are the
/// rules engine's, in Proposals/Rules, and join these findings through <see cref="ProposalFindings"/>.
/// </summary>
public static class ProposalFilingErrors
{
    public static readonly Filings.FilingErrors Filing = new("PROPOSAL");
    public static readonly ErrorCode ScanOfCurrentVersionRequired =
        ErrorCode.Invalid("PROPOSAL_SCAN_OF_CURRENT_VERSION_REQUIRED", Clause.Notice("4.3"));
    public static readonly ErrorCode TargetRequired = ErrorCode.Invalid("PROPOSAL_TARGET_REQUIRED", Clause.Annex(4, "1"));
    public static readonly ErrorCode ItemNotPublished = ErrorCode.NotFound("PROPOSAL_ITEM_NOT_PUBLISHED", Clause.Notice("3"));
    public static readonly ErrorCode ItemDeadlinePassed = ErrorCode.Conflict("PROPOSAL_ITEM_DEADLINE_PASSED", Clause.Notice("3"));
    public static readonly ErrorCode CategoryUnknown = ErrorCode.Invalid("PROPOSAL_FILING_CATEGORY_UNKNOWN", Clause.Annex(4, "1"));
    public static readonly ErrorCode CallNotFound = ErrorCode.NotFound("PROPOSAL_CALL_NOT_FOUND", Clause.Notice("3"));
    public static readonly ErrorCode CallNotOpen = ErrorCode.Conflict("PROPOSAL_CALL_NOT_OPEN", Clause.Annex(4, "4"));
    public static readonly ErrorCode CallClosed = ErrorCode.Conflict("PROPOSAL_CALL_CLOSED", Clause.Annex(4, "4"));
    public static readonly ErrorCode NoProposalForm = ErrorCode.Invalid("PROPOSAL_NO_FORM_IN_CALL", Clause.Annex(4, "4"));
    public static readonly ErrorCode UnitTypeNotEligible = ErrorCode.Forbidden("ACCESS_PROPOSAL_UNIT_TYPE", Clause.Annex(4, "2.1"));
    public static readonly ErrorCode RecommenderRequired = ErrorCode.Invalid("PROPOSAL_RECOMMENDER_REQUIRED", Clause.Annex(4, "3.1"));
    public static readonly ErrorCode RecommenderUnknown = ErrorCode.Invalid("PROPOSAL_RECOMMENDER_UNKNOWN", Clause.Annex(4, "3.1"));
    public static readonly ErrorCode NotAwaitingRecommender = ErrorCode.Conflict("PROPOSAL_NOT_AWAITING_RECOMMENDER", Clause.Annex(4, "3.1"));
}
