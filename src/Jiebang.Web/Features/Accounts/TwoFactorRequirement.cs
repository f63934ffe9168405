using System.Security.Claims;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// Staff and administrators must sign in with a second factor. Until they have, every request
/// other than setting up the authenticator or signing out is sent to the setup page.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPath = "/Account/SetupAuthenticator";
    static readonly string[] OpenPaths = [SetupPath, "/Account/Logout", "/Account/Login", "/culture", "/health", "/lib", "/css", "/js"];

    public static bool IsSatisfied(ClaimsPrincipal user) =>
        !Roles.RequiringTwoFactor.Any(user.IsInRole) || user.HasClaim("amr", "mfa");

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.Identity?.IsAuthenticated == true && !IsSatisfied(context.User)
                && !OpenPaths.Any(p => path.StartsWithSegments(p)))
            {
                if (path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status403Forbidden;
                else context.Response.Redirect(SetupPath);
                return;
            }
            await next();
        });
}
