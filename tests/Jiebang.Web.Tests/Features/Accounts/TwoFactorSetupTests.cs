using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Accounts;

[Trait("Category", "Database")]
public sealed partial class TwoFactorSetupTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task NewStaff_WithoutAuthenticator_MustBindOneBeforeAnythingElse()
    {
        using (var scope = host.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
            var user = new JiebangUser { UserName = "new-staff", UnitId = host.Personas.Bureau, FullName = "新同事" };
            await users.CreateAsync(user, Personas.Password);
            await users.AddToRoleAsync(user, Roles.Staff);
        }
        var client = host.App.NewClient();
        var signIn = await client.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = "new-staff", ["Input.Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var units = await client.GetAsync("/Units", TestContext.Current.CancellationToken);
        Assert.Equal("/Account/SetupAuthenticator", units.Headers.Location!.OriginalString);
        var api = await client.GetAsync("/api/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var setup = await client.GetStringAsync("/Account/SetupAuthenticator", TestContext.Current.CancellationToken);
        var key = SharedKey().Match(setup).Groups[1].Value;
        Assert.Contains("<svg", setup);
        var bind = await client.PostFormAsync("/Account/SetupAuthenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, bind.StatusCode);

        await using var db = host.App.CreateDbContext();
        var saved = await db.Users.SingleAsync(u => u.UserName == "new-staff", TestContext.Current.CancellationToken);
        Assert.True(saved.TwoFactorEnabled);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.two_factor_enabled" && a.EntityId == saved.Id,
            TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();
}
