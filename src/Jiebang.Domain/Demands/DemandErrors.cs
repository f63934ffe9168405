using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Demands;

/// <summary>The rules of a demand and of the recommending unit's batch it is forwarded in.</summary>
public static class DemandErrors
{
    /// <summary>The lifecycle's rules in a demand's words (DEMAND_NOT_EDITABLE, DEMAND_ROUND_CLOSED, …).</summary>
    public static readonly FilingErrors Filing = new("DEMAND");

    public static readonly ErrorCode RecommenderRequired = ErrorCode.Invalid("DEMAND_RECOMMENDER_REQUIRED", Clause.Notice("4.2"));
    public static readonly ErrorCode RecommenderUnknown = ErrorCode.Invalid("DEMAND_RECOMMENDER_UNKNOWN", Clause.Notice("4.2"));
    public static readonly ErrorCode NotAwaitingRecommender = ErrorCode.Conflict("DEMAND_NOT_AWAITING_RECOMMENDER", Clause.Notice("4.2"));
    public static readonly ErrorCode NotRecommended = ErrorCode.Conflict("DEMAND_NOT_RECOMMENDED", Clause.Notice("4.2"));
    public static readonly ErrorCode NotAwaitingBureau = ErrorCode.Conflict("DEMAND_NOT_AWAITING_BUREAU", Clause.Notice("3"));
    public static readonly ErrorCode DecisionRequired = ErrorCode.Invalid("DEMAND_DECISION_REQUIRED", Clause.Notice("3"));
    public static readonly ErrorCode FormNotInRound = ErrorCode.Invalid("DEMAND_FORM_NOT_IN_ROUND", Clause.Notice("4.3"));
    /// <summary>The form's filing section names who files it, so the form's clause is cited.</summary>
    public static readonly ErrorCode FormNotForUnitType = ErrorCode.OfForm("DEMAND_FORM_NOT_FOR_UNIT_TYPE");
    public static readonly ErrorCode ScanOfCurrentVersionRequired =
        ErrorCode.Invalid("DEMAND_SCAN_OF_CURRENT_VERSION_REQUIRED", Clause.Notice("4.3"));

    public static readonly ErrorCode BatchOpinionRequired = ErrorCode.Invalid("BATCH_OPINION_REQUIRED", Clause.Annex(3));
    public static readonly ErrorCode BatchEmpty = ErrorCode.Invalid("BATCH_EMPTY", Clause.Notice("4.2"));
    /// <summary>A picked demand is not one the unit screened in and has yet to send in this round.</summary>
    public static readonly ErrorCode BatchDemandNotReady = ErrorCode.Invalid("BATCH_DEMAND_NOT_READY", Clause.Notice("4.2"));
    public static readonly ErrorCode BatchNonePicked = ErrorCode.Invalid("BATCH_NONE_PICKED", Clause.Notice("4.2"));
}
