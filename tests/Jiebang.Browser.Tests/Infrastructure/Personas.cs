using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>Signs a page in as one of the demo accounts, as a person does, with the second factor where it is asked.</summary>
public static class Personas
{
    public const string DemoPassword = "demo2024jiebang";

    /// <summary>The demo accounts by role: enterprise, association (recommending unit), bureau staff, administrator.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByRole = new Dictionary<string, string>
    {
        ["enterprise"] = "ent1", ["association"] = "assoc1", ["staff"] = "staff", ["admin"] = "admin",
    };

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LastCodes = new();

    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByLabel("密码")).ToBeHiddenAsync();
        var key = userName switch
        {
            "staff" => DemoData.StaffAuthenticatorKey,
            "admin" => DemoData.AdminAuthenticatorKey,
            _ => null,
        };
        if (key is null) return;
        // A code is taken once: a second sign-in within the same 30 seconds waits for the next one.
        string code;
        while ((code = Totp.Code(key, DateTimeOffset.UtcNow)) == LastCodes.GetValueOrDefault(userName))
            await Task.Delay(1000);
        LastCodes[userName] = code;
        await page.GetByLabel("验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await Expect(page.GetByLabel("验证码")).ToBeHiddenAsync();
    }
}
