using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Units;

[Trait("Category", "Database")]
public sealed class RegisterUnitTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static object Registration(string uscc, string userName, string type = "Enterprise", string phone = "13905781111",
        bool confirm = false) => new
        {
            name = "龙泉注册测试有限公司", uscc, type, regionCode = "331181", isAgricultural = true,
            contactName = "张三", contactPhone = phone, contactEmail = "a@example.cn", confirmUnusualCode = confirm,
            userName, password = "register-2024-pw",
        };

    static async Task<List<string>> FindingCodes(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return problem.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public async Task Register_ValidUnit_IsPendingWithPhoneEncryptedAndAudited()
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units",
            Registration("93331181MA2HXXX149", "coop-user"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using var db = host.App.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Uscc == "93331181MA2HXXX149", TestContext.Current.CancellationToken);
        Assert.Equal(UnitStatus.Pending, unit.Status);
        Assert.DoesNotContain("13905781111", unit.ContactPhoneProtected);
        Assert.NotEmpty(unit.ContactPhoneProtected);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "unit.registered" && a.EntityId == unit.Id.ToString(),
            TestContext.Current.CancellationToken));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(TestContext.Current.CancellationToken),
            after => after.Contains("13905781111"));
    }

    [Theory]
    [InlineData("91331181MA2E0T3K5L", "USCC_CHECK")]
    [InlineData("91331181MA2E0T3K4K", "USCC_ORG_CODE_CHECK")]
    [InlineData("9133118130745618", "USCC_LENGTH")]
    public async Task Register_BadCode_IsRefusedWithItsRule(string uscc, string code)
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", Registration(uscc, "bad-code-" + code),
            TestContext.Current.CancellationToken);
        Assert.Contains(code, await FindingCodes(response));
    }

    [Fact]
    public async Task Register_NameAndContactPastTheirCeilings_AreRefusedNamingTheLimit()
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", new
        {
            name = new string('名', 101), uscc = "91331181MA2HYYY15X", type = "Enterprise", regionCode = "331181",
            contactName = new string('张', 1_000_000), contactPhone = "13905781111", contactEmail = "a@example.cn",
            userName = "long-name-user", password = "register-2024-pw",
        }, TestContext.Current.CancellationToken);
        var codes = await FindingCodes(response);
        Assert.Equal(2, codes.Count(c => c == "FORM_TEXT_OVER_CEILING"));
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "long-name-user", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_GovernmentOrganAsEnterprise_IsRefused()
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units",
            Registration("11331181002578922W", "organ-user"), TestContext.Current.CancellationToken);
        Assert.Contains("UNIT_GOVERNMENT_ORGAN_CANNOT_APPLY", await FindingCodes(response));
    }

    [Fact]
    public async Task Register_AlreadyRegisteredCodeAndTakenUserName_AreBothReported()
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units",
            Registration("91331181MA2E0T3K5K", "applicant-a", phone: "12345"), TestContext.Current.CancellationToken);
        var codes = await FindingCodes(response);
        Assert.Contains("UNIT_USCC_TAKEN", codes);
        Assert.Contains("ACCOUNT_USERNAME_TAKEN", codes);
        Assert.Contains(codes, c => c.StartsWith("PHONE_"));
    }

    [Fact]
    public async Task Register_FailedCheckCharacterConfirmed_GoesToStaffWithTheFinding()
    {
        // An early pilot code: everything right but the check character (RULES.md).
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units",
            Registration("91350100M000100Y44", "pilot-user", confirm: true), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = host.App.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Uscc == "91350100M000100Y44", TestContext.Current.CancellationToken);
        Assert.Contains("校验码", unit.UsccCheckFailure);
    }

    [Fact]
    public async Task Register_PageAndApi_GiveTheSameFindings()
    {
        var api = await host.App.NewClient().PostAsJsonAsync("/api/units",
            Registration("91331181MA2E0T3K5L", "same-findings", phone: "123"), TestContext.Current.CancellationToken);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var messages = problem.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();

        var page = await host.App.NewClient().PostFormAsync("/Units/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "龙泉注册测试有限公司", ["Input.Uscc"] = "91331181MA2E0T3K5L", ["Input.Type"] = "Enterprise",
            ["Input.RegionCode"] = "331181", ["Input.ContactName"] = "张三", ["Input.ContactPhone"] = "123",
            ["Input.UserName"] = "same-findings", ["Input.Password"] = "register-2024-pw",
        });
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains(m, html));
        Assert.Contains("value=\"龙泉注册测试有限公司\"", html); // what was typed is kept
    }

    [Fact]
    public async Task Register_MarkupInName_IsShownAsText()
    {
        var page = await host.App.NewClient().PostFormAsync("/Units/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "<script>alert(1)</script>", ["Input.Uscc"] = "", ["Input.RegionCode"] = "",
        });
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
