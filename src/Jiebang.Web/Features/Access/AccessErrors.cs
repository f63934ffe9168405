using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Access;

/// <summary>
/// Why an actor may not do something (<see cref="Permissions"/>, <see cref="DemandPolicy"/>), and the
/// answer for what they may not see: not found, so that ids cannot be probed.
/// </summary>
public static class AccessErrors
{
    static readonly string Access = Clause.Platform("access");

    public static readonly ErrorCode NotFound = ErrorCode.NotFound("NOT_FOUND", Access);
    public static readonly ErrorCode SignInRequired = ErrorCode.Forbidden("ACCESS_SIGN_IN_REQUIRED", Access);
    public static readonly ErrorCode Denied = ErrorCode.Forbidden("ACCESS_DENIED", Access);
    public static readonly ErrorCode OtherUnit = ErrorCode.Forbidden("ACCESS_OTHER_UNIT", Access);
    public static readonly ErrorCode StaffOnly = ErrorCode.Forbidden("ACCESS_STAFF_ONLY", Access);
    public static readonly ErrorCode AdminOnly = ErrorCode.Forbidden("ACCESS_ADMIN_ONLY", Access);
    public static readonly ErrorCode ApplicantOnly = ErrorCode.Forbidden("ACCESS_APPLICANT_ONLY", Access);
    public static readonly ErrorCode RecommenderOnly = ErrorCode.Forbidden("ACCESS_RECOMMENDER_ONLY", Access);
    /// <summary>A cookie-authenticated API call from another site's page.</summary>
    public static readonly ErrorCode ForeignOrigin = ErrorCode.Forbidden("ACCESS_FOREIGN_ORIGIN", Clause.Platform("cross-site requests"));
}
