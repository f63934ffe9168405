namespace Jiebang.Web.Features.Access;

/// <summary>The roles of DOMAIN.md "Who uses it"; a person may hold more than one.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Recommender = "Recommender";
    public const string Staff = "Staff";
    public const string Expert = "Expert";
    public const string Admin = "Admin";

    public static readonly string[] All = [Applicant, Recommender, Staff, Expert, Admin];

    /// <summary>Roles whose sign-in requires a second factor (TOTP).</summary>
    public static readonly string[] RequiringTwoFactor = [Staff, Admin];
}
