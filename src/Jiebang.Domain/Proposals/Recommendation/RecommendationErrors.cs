using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>The rules of recommending proposals through levels, within quota [annex 4 §3.2, §4.2].</summary>
public static class RecommendationErrors
{
    public static readonly ErrorCode NotAtThisLevel = ErrorCode.Conflict("RECOMMENDATION_NOT_AT_THIS_LEVEL", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode AlreadyDecided = ErrorCode.Conflict("RECOMMENDATION_ALREADY_DECIDED", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode NotRecommended = ErrorCode.Conflict("RECOMMENDATION_NOT_RECOMMENDED", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode AlreadyForwarded = ErrorCode.Conflict("RECOMMENDATION_ALREADY_FORWARDED", Clause.Annex(4, "4.2"));
    public static readonly ErrorCode ReturnOnlyAtFirstLevel = ErrorCode.Conflict("RECOMMENDATION_RETURN_ONLY_AT_FIRST_LEVEL", Clause.Annex(4, "3.2"));
    /// <summary>Args: {0} the limit, {1} the places already taken.</summary>
    public static readonly ErrorCode QuotaFull = ErrorCode.Conflict("RECOMMENDATION_QUOTA_FULL", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode NoIncentiveQuota = ErrorCode.Conflict("RECOMMENDATION_NO_INCENTIVE_QUOTA", Clause.Annex(4, "3.2"));
    /// <summary>Args: {0} the items allowed, {1} taken.</summary>
    public static readonly ErrorCode IncentiveItemsFull = ErrorCode.Conflict("RECOMMENDATION_INCENTIVE_ITEMS_FULL", Clause.Annex(4, "3.2"));
    /// <summary>Args: {0} the amount allowed (万元), {1} already used (万元), {2} this proposal's subsidy (万元).</summary>
    public static readonly ErrorCode IncentiveAmountExceeded = ErrorCode.Conflict("RECOMMENDATION_INCENTIVE_AMOUNT_EXCEEDED", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode BatchEmpty = ErrorCode.Invalid("RECOMMENDATION_BATCH_EMPTY", Clause.Annex(4, "4.2"));
}
