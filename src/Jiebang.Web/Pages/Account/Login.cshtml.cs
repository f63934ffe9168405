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
[Features.Security.HashesPassword]
public sealed class LoginModel(JiebangSignInManager signIn, SignInGate gate, AuditTrail audit, SignInThrottle throttle,
    IPasswordHasher<JiebangUser> hasher) : PageModel
{
    public sealed record InputModel
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    // A hash to check the password of an unknown user name against, so that it takes as long as a known one.
    static string? _dummyHash;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Input.UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = name.Length is > 0 and <= 256 ? await signIn.UserManager.FindByNameAsync(name) : null;
        var actor = user is null ? Actor.Anonymous with { Name = name.Length > 64 ? name[..64] : name }
            : new Actor(user.Id, user.UserName ?? "", user.UnitId, new HashSet<string>());
        if (await throttle.WhyNotTryAsync(name, address, cancellationToken) is { } throttled)
        {
            await audit.RecordNowAsync(actor, "signin.failed", nameof(JiebangUser), user?.Id ?? "", throttled.Code, cancellationToken);
            return Refuse(throttled);
        }
        // The password is checked first, so that the unit's status tells nothing to a stranger. Nothing
        // locks an account: failures are slowed down by the throttle, by name, known or not.
        var check = user is null ? CheckDummy() : await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: false);
        if (!check.Succeeded) await throttle.FailedAsync(name, address, cancellationToken);
        var refused = !check.Succeeded
            ? (check.IsLockedOut ? AccountErrors.LockedOut : AccountErrors.SignInFailed).At("")
            : await gate.WhyNotAsync(user!, cancellationToken);
        if (refused is not null)
        {
            await audit.RecordNowAsync(actor, "signin.failed", nameof(JiebangUser), user?.Id ?? "", refused.Code, cancellationToken);
            return Refuse(refused);
        }
        await throttle.SucceededAsync(name, cancellationToken);

        // The password was checked above: signing in does not hash it again.
        var result = await signIn.SignInCheckedAsync(user!, isPersistent: false);
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        await audit.RecordNowAsync(actor, "signin.succeeded", nameof(JiebangUser), user!.Id, "password", cancellationToken);
        return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
    }

    Microsoft.AspNetCore.Identity.SignInResult CheckDummy()
    {
        var dummy = new JiebangUser();
        _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(dummy, _dummyHash, Input.Password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    IActionResult Refuse(RuleError error)
    {
        ModelState.AddModelError("", error.Message());
        Input = Input with { Password = "" };
        return Page();
    }
}
