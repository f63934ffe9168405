using Jiebang.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in, with one step of its own: signing in a person whose password was just checked,
/// without checking it again. The sign-in page checks the password first (so that a unit's status tells
/// a stranger nothing) and then signs in; <c>PasswordSignInAsync</c> would hash the password a second
/// time, doubling the costliest work of a crowd signing in on deadline day.
/// </summary>
public sealed class JiebangSignInManager(UserManager<JiebangUser> users, IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<JiebangUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<JiebangUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<JiebangUser> confirmation)
    : SignInManager<JiebangUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// Signs in a person whose password <see cref="SignInManager{TUser}.CheckPasswordSignInAsync"/> has just
    /// accepted, or leads on to the authenticator step when the account has one, as PasswordSignInAsync does.
    /// </summary>
    public Task<SignInResult> SignInCheckedAsync(JiebangUser user, bool isPersistent) =>
        SignInOrTwoFactorAsync(user, isPersistent);
}
