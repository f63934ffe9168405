using System.Net;
using System.Security.Cryptography;
using Jiebang.Web.Data;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Security;

/// <summary>A copy of the database without the key files decrypts nothing and forges no session.</summary>
[Trait("Category", "Database")]
public sealed class StolenDatabaseTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task SecondInstance_SameDatabaseOtherKeys_ReadsNoSecretAndRefusesTheCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        var jar = new CookieJar();
        var staff = host.App.CreateDefaultClient(jar);
        var login = await staff.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = "staff", ["Input.Password"] = Personas.Password });
        Assert.Contains("LoginWith2fa", login.Headers.Location!.OriginalString);
        await staff.PostFormAsync("/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(Personas.AuthenticatorKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Units", ct)).StatusCode);

        string phone, residentId, totp, ring;
        using (var scope = host.App.Services.CreateScope())
        {
            var personal = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            phone = await db.Units.Where(u => u.Id == host.Personas.UnitA).Select(u => u.ContactPhoneProtected).SingleAsync(ct);
            residentId = personal.Protect("33118119800101001X");
            Assert.Equal("13905781234", personal.Unprotect(phone));
            var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
            totp = await db.UserTokens.Where(t => t.UserId == staffId && t.Name == "AuthenticatorKey").Select(t => t.Value!).SingleAsync(ct);
            ring = string.Join("\n", await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(ct));
        }
        Assert.DoesNotContain(Personas.AuthenticatorKey, totp);
        Assert.Contains("keyFileEncrypted", ring);
        Assert.DoesNotContain("<masterKey", ring);

        await using var thief = new JiebangFactory { SameDatabaseAs = host.App };
        await thief.InitializeAsync();
        var stolen = thief.CreateDefaultClient(new CookieJar(jar.Cookies));
        var page = await stolen.GetAsync("/Units", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);

        using var thiefScope = thief.Services.CreateScope();
        var thiefPersonal = thiefScope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        Assert.ThrowsAny<CryptographicException>(() => thiefPersonal.Unprotect(phone));
        Assert.ThrowsAny<CryptographicException>(() => thiefPersonal.Unprotect(residentId));
        var users = thiefScope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var staffUser = await users.FindByNameAsync("staff");
        await Assert.ThrowsAnyAsync<CryptographicException>(() => users.GetAuthenticatorKeyAsync(staffUser!));
    }

    [Fact]
    public async Task AuthenticatorKey_StoredInPlainTextBefore_IsEncryptedAtFirstRead()
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var user = new JiebangUser { UserName = "plain-totp", UnitId = host.Personas.Bureau, FullName = "plain" };
        Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", "JBPLAINKEYBEFORE");

        Assert.Equal("JBPLAINKEYBEFORE", await users.GetAuthenticatorKeyAsync(user));
        await using var db = host.App.CreateDbContext();
        var stored = await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "AuthenticatorKey").Select(t => t.Value!).SingleAsync(ct);
        Assert.StartsWith("dp1:", stored);
        Assert.DoesNotContain("JBPLAINKEYBEFORE", stored);
        Assert.Equal("JBPLAINKEYBEFORE", await users.GetAuthenticatorKeyAsync(user));
    }
}
