using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jiebang.Web.Pages.Account;

[EnableRateLimiting(JiebangApp.LoginRateLimit)]
public sealed class LoginWith2faModel(SignInManager<JiebangUser> signIn, AuditTrail audit) : PageModel
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
        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var actor = new Actor(user.Id, user.UserName ?? "", user.UnitId, new HashSet<string>());
        await audit.RecordNowAsync(actor, result.Succeeded ? "signin.succeeded" : "signin.failed", nameof(JiebangUser),
            user.Id, result.Succeeded ? "totp" : "totp wrong", cancellationToken);
        if (result.Succeeded) return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        var error = RuleError.Of(result.IsLockedOut ? "ACCOUNT_LOCKED_OUT" : "ACCOUNT_CODE_INVALID", "code", "access");
        ModelState.AddModelError("Input.Code", error.Message());
        return Page();
    }
}
