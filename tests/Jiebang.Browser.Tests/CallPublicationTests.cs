using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// Staff compile two challenge-list items from three of the demo's accepted demands (two merged, one
/// alone), complete them and publish the call; an anonymous visitor finds the call from the home page
/// and reads it and its item.
/// </summary>
public sealed class CallPublicationTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string StaffAuthenticatorKey = "JIEBANGDEMOSTAFF";
    const string CallTitle = "浏览器测试：2026年度揭榜挂帅项目申报";
    const string HeatPump = "新能源汽车热泵空调低温制热性能提升技术";
    const string Valve = "热泵空调电子膨胀阀精准控制与系统匹配技术";
    const string Sword = "龙泉宝剑锻造与热处理工艺数字化控制技术";
    const string MergedName = "热泵空调低温制热与膨胀阀协同控制关键技术";
    const string SwordName = "宝剑锻造工艺数字化测控技术";

    [Fact]
    public async Task Staff_CompileTwoItemsFromThreeDemands_AndPublish_AnonymousReadsTheCallAndItsItem()
    {
        var callId = await NewCallAsync();
        var staff = await session.NewPageAsync();
        await SignInAsStaffAsync(staff);

        await staff.GotoAsync($"/Guidelines?CallId={callId}");
        await staff.GetByLabel(HeatPump, new() { Exact = true }).CheckAsync();
        await staff.GetByLabel(Valve, new() { Exact = true }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "合并为一个榜单项" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已生成 1 个榜单项草稿");
        await staff.GetByLabel(Sword, new() { Exact = true }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "合并为一个榜单项" }).ClickAsync();
        var items = staff.GetByTestId("call-items").GetByRole(AriaRole.Link);
        await Expect(items).ToHaveCountAsync(2);
        await BrowserSession.ScreenshotAsync(staff, "guideline-compile");

        await items.Nth(0).ClickAsync();
        await Expect(staff.GetByTestId("item-sources").GetByRole(AriaRole.Link)).ToHaveCountAsync(2); // the lineage
        await FillItemAsync(staff, MergedName, "热管理", "CityOpenCompetitionSubsidy", "72");
        await Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("实施期限：应为1至60个月，当前为72个月。");
        await Expect(staff.GetByLabel("榜单项名称")).ToHaveValueAsync(MergedName); // nothing typed is lost
        await BrowserSession.ScreenshotAsync(staff, "guideline-edit-error");
        await staff.GetByLabel("实施期限（月）").FillAsync("24");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");

        await staff.GotoAsync($"/Guidelines?CallId={callId}");
        await staff.GetByTestId("call-items").GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await FillItemAsync(staff, SwordName, "其他", "CityOpenCompetitionSelfFunded", "18");
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");

        await staff.GotoAsync($"/Guidelines/Publish/{callId}");
        await staff.GetByLabel("通知正文").FillAsync("现发布本年度揭榜挂帅项目榜单，请符合条件的单位在截止前揭榜申报。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "确认发榜" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CallTitle);

        var visitor = await session.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = CallTitle }).First.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CallTitle);
        await Expect(visitor.GetByTestId("countdown")).ToContainTextAsync("距截止还有");
        await Expect(visitor.GetByTestId("bureau-contact")).ToContainTextAsync("孙亮");
        await Expect(visitor.GetByTestId("notice-text")).ToContainTextAsync("揭榜挂帅项目榜单");
        await Expect(visitor.GetByTestId("downloads").GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(visitor.Locator("head link[rel=alternate][type='application/atom+xml']")).ToHaveAttributeAsync("href", "/calls/feed.atom");
        await BrowserSession.ScreenshotAsync(visitor, "call-public");

        await visitor.GetByRole(AriaRole.Link, new() { Name = MergedName }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(MergedName);
        await Expect(visitor.GetByTestId("item-goals")).ToContainTextAsync("COP≥1.8");
        await Expect(visitor.GetByTestId("take-up")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/Proposals/Start\?item=\d+$"));
        await Expect(visitor.GetByText("由2项技术需求凝练形成")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("item-sources")).ToHaveCountAsync(0); // demand links are staff's
        await BrowserSession.ScreenshotAsync(visitor, "call-item-public");
    }

    static async Task FillItemAsync(IPage page, string name, string area, string channel, string months)
    {
        await page.GetByLabel("榜单项名称").FillAsync(name);
        await page.GetByLabel("领域", new() { Exact = true }).FillAsync(area);
        await page.GetByLabel("攻关目标及考核指标").FillAsync("1. -20℃时制热能效比COP≥1.8；\n2. 申请发明专利不少于3项。");
        await page.GetByLabel("揭榜条件").FillAsync("在龙泉市注册的独立法人企业，可联合高校揭榜。");
        await page.GetByLabel("支持方式").SelectOptionAsync(channel);
        await page.GetByLabel("支持经费（万元）").FillAsync("150");
        await page.GetByLabel("实施期限（月）").FillAsync(months);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
    }

    async Task<int> NewCallAsync()
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = DateTimeOffset.UtcNow;
        var call = new Round
        {
            Title = CallTitle, Kind = RoundKind.ProposalCall, OpensAt = now.AddHours(-1), ClosesAt = ChinaTime.At(now.Year + 1, 3, 31, 17, 30),
            Forms = ["annex4-table@1", "annex4-performance@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    static async Task SignInAsStaffAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("staff");
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("验证码").FillAsync(Totp.Code(StaffAuthenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "需求受理" })).ToBeVisibleAsync();
    }
}
