using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Web.Features.Setup;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Setup;

/// <summary>
/// docs/operations.md's walk from an empty server to the first round open, against a Production-mode
/// instance: setup, the administrator's first sign-in with an authenticator, a staff account, a round.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class FirstDayWalkTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string AdminPassword = "first-day-admin-2026";

    [Fact]
    public async Task EmptyProductionServer_SetupThenAdministratorOpensTheFirstRound()
    {
        await using var app = new JiebangFactory { Environment = "Production" };
        await app.InitializeAsync();
        // The operator's first command makes the key (as `jiebang setup` does) before the first start.
        Directory.CreateDirectory(app.KeysDirectory);
        foreach (var file in new[] { "data-protection.key", "lookup.key" })
            await File.WriteAllTextAsync(Path.Combine(app.KeysDirectory, file),
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Ct);
        var anonymous = app.NewClient();
        Assert.DoesNotContain("龙泉市科技局", await anonymous.GetStringAsync("/", Ct));

        using (var scope = app.Services.CreateScope())
        {
            var setUp = await scope.ServiceProvider.GetRequiredService<SetUpPlatform>().HandleAsync(new SetUpPlatform.Input
            {
                BureauName = "龙泉市科学技术局", Uscc = "113311810020000041", RegionCode = "331181", ShortName = "龙泉市科技局",
                ContactName = "孙亮", ContactEmail = "2191290347@qq.com",
                AdminUserName = "admin", AdminFullName = "系统管理员", AdminPassword = AdminPassword,
            }, Ct);
            Assert.True(setUp.Succeeded, string.Join("; ", setUp.Errors));
            scope.ServiceProvider.GetRequiredService<BureauProfile>().Refresh();
        }
        Assert.Contains("龙泉市科技局 · 揭榜开源平台", await anonymous.GetStringAsync("/", Ct));

        var admin = app.NewClient();
        var signIn = await admin.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var rounds = await admin.GetAsync("/Rounds", Ct);
        Assert.Equal("/Account/SetupAuthenticator", rounds.Headers.Location!.OriginalString);

        var setup = await admin.GetStringAsync("/Account/SetupAuthenticator", Ct);
        var key = SharedKey().Match(setup).Groups[1].Value;
        var bind = await admin.PostFormAsync("/Account/SetupAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/Account/Login", bind.Headers.Location!.OriginalString);
        // Binding ends the session; the administrator signs in again, now with the authenticator's code.
        await app.ForgetUsedAuthenticatorCodeAsync("admin");
        await admin.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = AdminPassword });
        var second = await admin.PostFormAsync("/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        int bureauId;
        await using (var db = app.CreateDbContext()) bureauId = (await db.BureauIdentities.SingleAsync(Ct)).UnitId;
        var staff = await admin.PostFormAsync("/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UnitId"] = bureauId.ToString(), ["Input.UserName"] = "sunliang", ["Input.FullName"] = "孙亮",
            ["Input.Mobile"] = "13905781234", ["Input.Role"] = "Staff", ["Input.Password"] = "first-day-staff-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);

        var opens = app.Clock.GetUtcNow().AddHours(8).AddDays(-1);
        var round = await admin.PostFormAsync("/Rounds/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DemandSolicitation", ["Input.Title"] = "首个需求征集批次",
            ["Input.OpensAtChina"] = opens.ToString("yyyy-MM-ddTHH:mm"), ["Input.ClosesAtChina"] = opens.AddDays(30).ToString("yyyy-MM-ddT17:30"),
            ["Input.Forms"] = "annex2@1", ["Input.TaxonomyKey"] = "longquan-2024", ["Input.SettingsJson"] = "{}",
        });
        Assert.Equal(HttpStatusCode.Redirect, round.StatusCode);

        await using var check = app.CreateDbContext();
        var opened = await check.Rounds.SingleAsync(r => r.Title == "首个需求征集批次", Ct);
        Assert.True(opened.IsOpenAt(app.Clock.GetUtcNow()));
        Assert.True(await check.Users.AnyAsync(u => u.UserName == "sunliang" && u.UnitId == bureauId, Ct));
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();
}
