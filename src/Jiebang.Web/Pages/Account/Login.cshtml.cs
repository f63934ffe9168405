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
public sealed class LoginModel(SignInManager<JiebangUser> signIn, SignInGate gate, AuditTrail audit) : PageModel
{
    public sealed record InputModel
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.UserManager.FindByNameAsync(Input.UserName.Trim());
        var actor = user is null ? Actor.Anonymous with { Name = Input.UserName.Trim() }
            : new Actor(user.Id, user.UserName ?? "", user.UnitId, new HashSet<string>());
        // The password is checked first, so that the unit's status tells nothing to a stranger.
        var check = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        var refused = !check.Succeeded
            ? RuleError.Of(check.IsLockedOut ? "ACCOUNT_LOCKED_OUT" : "ACCOUNT_SIGN_IN_FAILED", "", "access")
            : await gate.WhyNotAsync(user!, cancellationToken);
        if (refused is not null)
        {
            await audit.RecordNowAsync(actor, "signin.failed", nameof(JiebangUser), user?.Id ?? "", refused.Code, cancellationToken);
            return Refuse(refused);
        }

        var result = await signIn.PasswordSignInAsync(user!, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        await audit.RecordNowAsync(actor, "signin.succeeded", nameof(JiebangUser), user!.Id, "password", cancellationToken);
        return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
    }

    IActionResult Refuse(RuleError error)
    {
        ModelState.AddModelError("", error.Message());
        Input = Input with { Password = "" };
        return Page();
    }
}
