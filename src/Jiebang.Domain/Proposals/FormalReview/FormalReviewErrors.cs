using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.FormalReview;

/// <summary>The rules of the bureau's formal review of the applicant and the format [notice §3: 形式审核（主体和格式）].</summary>
public static class FormalReviewErrors
{
    /// <summary>The proposal is not (or no longer) waiting for formal review: another reviewer acted, or it has not arrived.</summary>
    public static readonly ErrorCode NotAwaiting = ErrorCode.Conflict("FORMAL_REVIEW_NOT_AWAITING", Clause.Notice("3"));
    /// <summary>Args: {0} the decision as given.</summary>
    public static readonly ErrorCode DecisionUnknown = ErrorCode.Invalid("FORMAL_REVIEW_DECISION_UNKNOWN", Clause.Notice("3"));
}
