using System.Security.Claims;
using Jiebang.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// A session cookie is good only while its security stamp is the user's current one, checked on
/// every request: signing out (or a password or role change) renews the stamp, and the old cookie,
/// wherever a copy of it went, stops working at once.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var users = services.GetRequiredService<UserManager<JiebangUser>>();
        var user = context.Principal is { } principal ? await users.GetUserAsync(principal) : null;
        if (user is not null && context.Principal!.FindFirstValue(stampClaim) is { } stamp && stamp == await users.GetSecurityStampAsync(user))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
