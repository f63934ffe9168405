using System.Security.Claims;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jiebang.Web.Pages.Account;

[EnableRateLimiting(JiebangApp.LoginRateLimit)]
public sealed class LoginWith2faModel(SignInManager<JiebangUser> signIn, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    public sealed record InputModel
    {
        public string Code { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        var code = new string(Input.Code.Where(char.IsAsciiDigit).Take(6).ToArray());
        var actor = new Actor(user.Id, user.UserName ?? "", user.UnitId, new HashSet<string>());
        var account = "totp:" + user.Id;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // Verified here rather than by TwoFactorAuthenticatorSignInAsync, which would lock the account
        // in the database after five wrong codes: wrong codes are slowed down by the throttle instead.
        var error = await throttle.WhyNotTryAsync(account, address, cancellationToken);
        if (error is null && await signIn.UserManager.VerifyTwoFactorTokenAsync(user, signIn.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await throttle.SucceededAsync(account, cancellationToken);
            await signIn.SignOutAsync();
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
            await audit.RecordNowAsync(actor, "signin.succeeded", nameof(JiebangUser), user.Id, "totp", cancellationToken);
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }
        if (error is null)
        {
            await throttle.FailedAsync(account, address, cancellationToken);
            error = (await OneTimeAuthenticatorTokenProvider.WasUsedAsync(signIn.UserManager, user, code)
                ? AccountErrors.CodeUsed : AccountErrors.CodeInvalid).At("code");
        }
        await audit.RecordNowAsync(actor, "signin.failed", nameof(JiebangUser), user.Id, "totp " + error.Code, cancellationToken);
        ModelState.AddModelError("Input.Code", error.Message());
        return Page();
    }
}
