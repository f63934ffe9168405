using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>Staff read the audit trail as sentences, filter it from the form, and open a raw entry's codes.</summary>
public sealed partial class AuditPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string StaffAuthenticatorKey = "JIEBANGDEMOSTAFF";

    [Fact]
    public async Task AuditPage_ReadsAsSentences_FiltersByWhatAndWhen_AndKeepsTheCodesInDetails()
    {
        var staff = await session.NewPageAsync();
        await staff.GotoAsync("/Account/Login");
        await staff.GetByLabel("用户名").FillAsync("staff");
        await staff.GetByLabel("密码").FillAsync(DemoPassword);
        await staff.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await staff.GetByLabel("验证码").FillAsync(Totp.Code(StaffAuthenticatorKey, DateTimeOffset.UtcNow));
        await staff.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();

        await staff.GotoAsync("/Audit");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("审计日志");
        var entries = staff.GetByTestId("audit-entry");
        await Expect(entries.First).ToBeVisibleAsync();
        // The demo's filings read as sentences: a time in China Standard Time, a person with the unit, a verb and the record
        // (its submitted demands, whatever later demo steps came after them on the first page).
        await staff.GotoAsync("/Audit?what=demand.submitted");
        await Expect(staff.GetByTestId("audit-sentence").Filter(new() { HasText = "提交了需求 XQ" }).First)
            .ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} .+（.+）提交了需求 XQ[\d-]+ “.+”$"));
        await Expect(staff.GetByTestId("audit-count")).ToContainTextAsync("北京时间（UTC+8）");
        await BrowserSession.ScreenshotAsync(staff, "audit-sentences");

        // Filter by what was done and by today's date, from the form: the filters land in the URL.
        var filter = staff.GetByRole(AriaRole.Search, new() { Name = "筛选审计日志" });
        await filter.GetByLabel("操作", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "登录了平台" });
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        await filter.GetByLabel("起始日期").FillAsync(today);
        await filter.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"what=signin.succeeded.*from={today}"));
        await Expect(entries.First).ToContainTextAsync("登录了平台");
        Assert.All(await staff.GetByTestId("audit-sentence").AllInnerTextsAsync(), s => Assert.Contains("登录了平台", s));
        await Expect(filter.GetByLabel("操作", new() { Exact = true })).ToHaveValueAsync("signin.succeeded");

        // The raw codes are one click away, not in the sentence.
        await Expect(entries.First.GetByText("signin.succeeded", new() { Exact = true })).ToBeHiddenAsync();
        await entries.First.GetByText("代码", new() { Exact = true }).ClickAsync();
        await Expect(entries.First.GetByText("signin.succeeded", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(staff, "audit-filtered");
        await staff.Context.CloseAsync();
    }
}
