using System.Net;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Accounts;

[Trait("Category", "Database")]
public sealed class SignInTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    [Fact]
    public async Task Staff_WithAuthenticatorCode_ReachesStaffPages()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.GetAsync("/Units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Staff_PasswordOnly_IsAskedForTheSecondFactor()
    {
        var client = host.App.NewClient();
        var response = await client.PostFormAsync("/Account/Login", Credentials("staff", Personas.Password));
        Assert.Contains("LoginWith2fa", response.Headers.Location!.OriginalString);
        var page = await client.GetAsync("/Units", TestContext.Current.CancellationToken);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_WrongAuthenticatorCode_IsRefusedInChinese()
    {
        var client = host.App.NewClient();
        await client.PostFormAsync("/Account/Login", Credentials("admin", Personas.Password));
        var response = await client.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("验证码：错误或已过期", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WrongPassword_SixTimes_IsThrottledWithoutLockingTheAccount()
    {
        await using var db = host.App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "applicant-b", TestContext.Current.CancellationToken);
        string body = "";
        for (var i = 0; i < 6; i++)
        {
            var response = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("applicant-b", "wrong-password-1"));
            body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        Assert.Contains("该用户名失败次数过多，请30秒后再试。", body);
        var right = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("applicant-b", Personas.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // still throttled: the form comes back, no redirect
        await db.Entry(user).ReloadAsync(TestContext.Current.CancellationToken);
        Assert.Null(user.LockoutEnd);
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "signin.failed" && a.EntityId == user.Id,
            TestContext.Current.CancellationToken) >= 5);
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameMessage()
    {
        var unknown = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("nobody", "whatever-123"));
        var wrong = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("recommender", "whatever-123"));
        Assert.Contains("用户名或密码错误", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DemoAccount_OutsideDevelopment_IsRefused()
    {
        await using (var db = host.App.CreateDbContext())
        {
            var expert = await db.Users.SingleAsync(u => u.UserName == "expert", TestContext.Current.CancellationToken);
            expert.IsDemo = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var response = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("expert", Personas.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("演示账号仅在开发环境中可用", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
