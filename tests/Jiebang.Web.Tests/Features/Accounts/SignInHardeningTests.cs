using System.Diagnostics;
using System.Net;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Accounts;

/// <summary>Guessing is slowed per name and per address, a crowd behind one NAT is not, and sessions and codes end when they should.</summary>
[Trait("Category", "Database")]
public sealed class SignInHardeningTests : IAsyncLifetime
{
    readonly JiebangFactory _app = new() { LoginsPerMinute = null };
    Personas _personas = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.NewClient();
        _personas = await Personas.CreateAsync(_app.Services);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    async Task<string> SignInBodyAsync(string user, string password)
    {
        var response = await _app.NewClient().PostFormAsync("/Account/Login", Credentials(user, password));
        return response.StatusCode == HttpStatusCode.Redirect ? "redirect:" + response.Headers.Location : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task CrowdBehindOneAddress_TwoHundredCorrectSignIns_AllSucceed()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var hash = (await db.Users.SingleAsync(u => u.UserName == "applicant-a", TestContext.Current.CancellationToken)).PasswordHash;
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Applicant, TestContext.Current.CancellationToken);
            for (var i = 0; i < 200; i++)
            {
                var user = new JiebangUser
                {
                    UserName = $"crowd-{i}", NormalizedUserName = $"CROWD-{i}", UnitId = _personas.UnitA, FullName = $"crowd {i}",
                    PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // A few people mistype on the way: failures stay under the address's budget.
        for (var i = 0; i < 10; i++) Assert.Contains("用户名或密码错误", await SignInBodyAsync($"crowd-{i}", "mistyped-2024"));

        var failed = new List<string>();
        for (var i = 0; i < 200; i++)
            if (!(await SignInBodyAsync($"crowd-{i}", Personas.Password)).StartsWith("redirect:", StringComparison.Ordinal)) failed.Add($"crowd-{i}");
        Assert.Empty(failed);
    }

    [Fact]
    public async Task StaffAccount_ThirtyWrongPasswords_IsThrottledNotLockedAndOpensAfterTheDelay()
    {
        var bodies = new List<string>();
        for (var i = 0; i < 30; i++) bodies.Add(await SignInBodyAsync("staff", "guess-" + i));
        Assert.All(bodies.Take(5), b => Assert.Contains("用户名或密码错误", b));
        Assert.All(bodies.Skip(5), b => Assert.Contains("该用户名失败次数过多", b));
        Assert.Contains("该用户名失败次数过多", await SignInBodyAsync("staff", Personas.Password));

        await using (var db = _app.CreateDbContext())
        {
            var staff = await db.Users.SingleAsync(u => u.UserName == "staff", TestContext.Current.CancellationToken);
            Assert.Null(staff.LockoutEnd);
            Assert.Equal(0, staff.AccessFailedCount);
        }
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Contains("LoginWith2fa", await SignInBodyAsync("staff", Personas.Password));
    }

    [Fact]
    public async Task UnknownUserName_ManyTries_AnswersAsAKnownOneInAboutTheSameTime()
    {
        var unknown = new List<string>();
        var known = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await SignInBodyAsync("nobody-here", "guess-" + i));
            known.Add(await SignInBodyAsync("recommender", "guess-" + i));
        }
        for (var i = 0; i < 7; i++)
        {
            var expected = i < 5 ? "用户名或密码错误" : "该用户名失败次数过多";
            Assert.Contains(expected, unknown[i]);
            Assert.Contains(expected, known[i]);
        }

        // The password of an unknown name is hashed too: its answer takes as long, within the noise of a shared machine.
        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            unknownTimes.Add(await TimeSignInAsync($"nobody-{i}"));
            knownTimes.Add(await TimeSignInAsync(i % 2 == 0 ? "applicant-a" : "expert"));
        }
        var (u, k) = (unknownTimes.Order().ElementAt(2), knownTimes.Order().ElementAt(2));
        Assert.True(u > k * 0.4, $"unknown {u:F1} ms, known {k:F1} ms");
    }

    async Task<double> TimeSignInAsync(string user)
    {
        var client = _app.NewClient();
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>(Credentials(user, "timing-guess-1")) { ["__RequestVerificationToken"] = token });
        var watch = Stopwatch.StartNew();
        await client.PostAsync("/Account/Login", form);
        return watch.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task SignOut_OldCookieCopy_IsNoLongerAccepted()
    {
        var jar = new CookieJar();
        var client = _app.CreateDefaultClient(jar);
        client.DefaultRequestHeaders.Add("Origin", "http://localhost");
        var signIn = await client.PostFormAsync("/Account/Login", Credentials("applicant-a", Personas.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copy = new System.Net.CookieContainer();
        copy.Add(jar.Cookies.GetAllCookies());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Demands", TestContext.Current.CancellationToken)).StatusCode);

        await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), "/Demands");

        var stolen = _app.CreateDefaultClient(new CookieJar(copy));
        var page = await stolen.GetAsync("/Demands", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AuthenticatorCode_UsedOnce_IsRefusedTheSecondTime()
    {
        var code = Totp.Code(Personas.AuthenticatorKey, DateTimeOffset.UtcNow);
        var first = _app.NewClient();
        await first.PostFormAsync("/Account/Login", Credentials("admin", Personas.Password));
        var accepted = await first.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var second = _app.NewClient();
        await second.PostFormAsync("/Account/Login", Credentials("admin", Personas.Password));
        var replayed = await second.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("该验证码已使用过", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SetupAuthenticator_AfterBinding_NeverShowsTheSecretAgain()
    {
        var staff = await _app.SignedInAsync("staff");
        var page = await staff.GetStringAsync("/Account/SetupAuthenticator", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Personas.AuthenticatorKey, page);
        Assert.DoesNotContain("shared-key", page);
        Assert.DoesNotContain("<svg", page);
        Assert.Contains("该账号已绑定身份验证器", page);
    }
}
