using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Jiebang.Web.Pages.Account;

/// <summary>Staff and administrators bind an authenticator app (TOTP) before anything else.</summary>
public sealed class SetupAuthenticatorModel(SignInManager<JiebangUser> signIn, AuditTrail audit) : PageModel
{
    public sealed record InputModel
    {
        public string Code { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string SharedKey { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
        {
            ModelState.AddModelError("Input.Code", AccountErrors.AuthenticatorBound.At("code").Message());
            AlreadyEnabled = true;
            return Page();
        }
        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        var valid = await signIn.UserManager.VerifyTwoFactorTokenAsync(
            user, signIn.UserManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", AccountErrors.CodeInvalid.At("code").Message());
            await LoadKeyAsync(user);
            return Page();
        }
        await signIn.UserManager.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordNowAsync(Actor.From(User), "account.two_factor_enabled", nameof(JiebangUser), user.Id,
            cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }

    // A bound secret is never shown again: whoever sees this page later (a borrowed session) cannot copy it.
    async Task LoadKeyAsync(JiebangUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        if (AlreadyEnabled) return;
        var key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp; the session's cookie follows it or the next request would be refused.
            await signIn.RefreshSignInAsync(user);
            key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        var uri = $"otpauth://totp/Jiebang:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=Jiebang&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
