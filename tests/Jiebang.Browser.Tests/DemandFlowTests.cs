using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// An enterprise fills and submits annex 2, the bureau returns it with reasons, the enterprise fixes and
/// resubmits, and the bureau accepts it: all through the browser, with the demo accounts.
/// </summary>
public sealed partial class DemandFlowTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string StaffAuthenticatorKey = "JIEBANGDEMOSTAFF";
    const string Enterprise = "龙泉示例汽车空调配件有限公司";
    const string Annex2Button = "附件2：技术攻关需求征集表（企业填报）";
    const string DemandName = "汽车空调换热器高导热铝合金钎焊技术";
    const string ReturnReason = "经济社会指标未量化，请补充新增产值和就业人数。";

    // 17 CJK characters and a full-width comma, 30 times: 540 字 against a limit of 500.
    static readonly string TooLongDescription = string.Concat(Enumerable.Repeat("研究高导热氮化铝陶瓷基板的烧结工艺，", 30));
    const string Description = "研究汽车空调换热器用高导热铝合金的钎焊工艺，解决薄壁件钎焊变形和焊缝腐蚀问题，" +
        "突破钎剂残留控制技术瓶颈，换热效率提高15%。"; // 60 字: “15” counts as one, “%” as none, as in Word
    const string FirstEconomicTargets = "项目完成后可带来较好的经济效益。";
    const string FixedEconomicTargets = "项目完成后3年内新增产值6000万元，新增就业40人，单台能耗降低8%。";

    [Fact]
    public async Task Annex2_SubmittedReturnedFixedAndResubmitted_IsAcceptedWithBothVersionsCompared()
    {
        var enterprise = await session.NewPageAsync();
        await SignInAsync(enterprise, "ent1");
        await StartAnnex2Async(enterprise);
        await Expect(Field(enterprise, "企业名称")).ToHaveValueAsync(Enterprise); // the unit is filled in
        await Expect(Field(enterprise, "所属地区")).ToHaveValueAsync("龙泉市"); // the annex's blank
        await BrowserSession.ScreenshotAsync(enterprise, "demand-form-empty");

        // First try: everything filled, but the description runs past 500 字.
        await FillAnnex2Async(enterprise);
        var description = Field(enterprise, "技术需求描述");
        await description.FillAsync(TooLongDescription);
        await Expect(description).ToHaveAccessibleDescriptionAsync(new Regex("（540 / 500 字）")); // the live counter
        await SubmitButton(enterprise).ClickAsync();
        await Expect(enterprise.GetByRole(AriaRole.Alert).First).ToContainTextAsync("表单仍有错误");
        // The first save with content made the draft: the page now stands at its own address.
        await Expect(enterprise).ToHaveURLAsync(EditPath());
        var demandUrl = new Uri(enterprise.Url).AbsolutePath;
        await Expect(description).ToHaveAccessibleDescriptionAsync(new Regex("技术需求描述：不超过500字，当前为540字。"));
        await Expect(description).ToHaveValueAsync(TooLongDescription); // nothing lost
        await Expect(Field(enterprise, "技术需求名称")).ToHaveValueAsync(DemandName);
        await Expect(Field(enterprise, "经济社会指标")).ToHaveValueAsync(FirstEconomicTargets);
        await Expect(enterprise.GetByLabel("电子化学材料")).ToBeCheckedAsync();
        await BrowserSession.ScreenshotAsync(enterprise, "demand-form-errors");

        // Shorten it, let the page autosave, leave and come back: the draft is still there.
        await description.FillAsync(Description);
        await Expect(description).ToHaveAccessibleDescriptionAsync(new Regex("（60 / 500 字）"));
        await Expect(enterprise.GetByRole(AriaRole.Status).Filter(new() { HasText = "已自动保存" }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(description).ToHaveAccessibleDescriptionAsync(new Regex("^[^：]*$")); // the error has gone
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "本单位需求" }).First.ClickAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = DemandName }).ClickAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await Expect(description).ToHaveValueAsync(Description);
        await Expect(enterprise.GetByRole(AriaRole.Status).Filter(new() { HasText = "本浏览器保存了" })).ToBeHiddenAsync();

        await SubmitButton(enterprise).ClickAsync();
        var receipt = enterprise.GetByTestId("receipt");
        await Expect(receipt).ToContainTextAsync(new Regex(@"提交成功。\s*回执编号：XQ"));
        await Expect(enterprise.GetByTestId("demand-status")).ToHaveTextAsync("已提交");
        await BrowserSession.ScreenshotAsync(enterprise, "demand-receipt");

        // The bureau finds it in its inbox, counted under its area and direction, and returns it.
        var staff = await session.NewPageAsync();
        await SignInAsStaffAsync(staff);
        await staff.GotoAsync("/Inbox");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("需求受理");
        var row = staff.GetByRole(AriaRole.Row).Filter(new() { Has = staff.GetByRole(AriaRole.Link, new() { Name = DemandName }) });
        await Expect(row).ToContainTextAsync(Enterprise);
        await Expect(row).ToContainTextAsync("已提交");
        await Expect(staff.GetByRole(AriaRole.Figure, new() { Name = "按领域统计" })).ToContainTextAsync("新材料");
        await Expect(staff.GetByRole(AriaRole.Figure, new() { Name = "按方向统计" })).ToContainTextAsync("电子化学材料");
        await BrowserSession.ScreenshotAsync(staff, "staff-inbox");
        await row.GetByRole(AriaRole.Link, new() { Name = DemandName }).ClickAsync();
        await staff.GetByLabel("理由").FillAsync(ReturnReason);
        await BrowserSession.ScreenshotAsync(staff, "staff-return");
        await staff.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        // The decision says what it did and opens the next demand of the inbox; the returned one is just before it.
        await Expect(staff.GetByTestId("decided")).ToContainTextAsync($"《{DemandName}》：已退回修改");
        await staff.GetByRole(AriaRole.Link, new() { Name = "上一项" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemandName);
        await Expect(staff.GetByTestId("demand-status")).ToHaveTextAsync("退回修改");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "受理入库" })).ToBeHiddenAsync();

        // The enterprise sees why, fixes the field and resubmits.
        await enterprise.GotoAsync("/Demands");
        await Expect(enterprise.GetByRole(AriaRole.Row).Filter(new() { HasText = DemandName })).ToContainTextAsync("退回修改");
        await enterprise.GetByRole(AriaRole.Link, new() { Name = DemandName }).ClickAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await Expect(enterprise).ToHaveURLAsync(session.App.RootUrl + demandUrl);
        await Expect(enterprise.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex(@"退回修改意见：\s*" + ReturnReason));
        await Expect(Field(enterprise, "经济社会指标")).ToHaveValueAsync(FirstEconomicTargets);
        await BrowserSession.ScreenshotAsync(enterprise, "enterprise-returned");
        await Field(enterprise, "经济社会指标").FillAsync(FixedEconomicTargets);
        await SubmitButton(enterprise).ClickAsync();
        await Expect(receipt).ToContainTextAsync("回执编号：XQ");
        await Expect(enterprise.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "第2版" })).ToBeVisibleAsync();

        // The difference between the two versions is the one field that changed.
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "与上一版比较" }).ClickAsync();
        await Expect(enterprise.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("版本比较");
        var changes = enterprise.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(changes).ToHaveCountAsync(2); // the header and one change
        var change = changes.Nth(1);
        await Expect(change.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("经济社会指标");
        // Only the changed words are marked: the words both versions share are not.
        await Expect(change.GetByTestId("diff-before")).ToContainTextAsync("项目完成后");
        var deleted = await change.GetByTestId("diff-before").Locator("del").AllTextContentsAsync();
        var inserted = await change.GetByTestId("diff-after").Locator("ins").AllTextContentsAsync();
        Assert.Contains(deleted, t => t.Contains("较好", StringComparison.Ordinal));
        Assert.Contains(inserted, t => t.Contains("6000万元", StringComparison.Ordinal));
        Assert.DoesNotContain(deleted.Concat(inserted), t => t.Contains("项目完成后", StringComparison.Ordinal));
        await BrowserSession.ScreenshotAsync(enterprise, "demand-diff");

        // The bureau accepts the resubmitted version.
        await staff.ReloadAsync();
        await Expect(staff.GetByTestId("demand-status")).ToHaveTextAsync("已提交");
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理入库" }).ClickAsync();
        await Expect(staff.GetByTestId("decided")).ToContainTextAsync($"《{DemandName}》：已受理入库");
        await staff.GetByRole(AriaRole.Link, new() { Name = "上一项" }).ClickAsync();
        await Expect(staff.GetByTestId("demand-status")).ToHaveTextAsync("已受理入库");
        await Expect(staff.GetByRole(AriaRole.Listitem).Filter(new() { HasText = ReturnReason })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(staff, "staff-accepted");

        await enterprise.GotoAsync("/Demands");
        await Expect(enterprise.GetByRole(AriaRole.Row).Filter(new() { HasText = DemandName })).ToContainTextAsync("已受理");
        await staff.Context.CloseAsync();
        await enterprise.Context.CloseAsync();
    }

    [Fact]
    public async Task Annex2_AtPhoneWidth_HasNoHorizontalScrolling()
    {
        var page = await session.NewPageAsync(width: 390, height: 844);
        await SignInAsync(page, "ent1");
        await StartAnnex2Async(page);
        await Expect(Field(page, "技术需求描述")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "demand-form-phone");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the annex 2 form scrolls sideways by {overflow}px at 390px wide");
        await page.Context.CloseAsync();
    }

    /// <summary>Opens a new annex 2 in the open demo round: a form, not yet a draft.</summary>
    static async Task StartAnnex2Async(IPage page)
    {
        await page.GotoAsync("/Demands");
        var round = page.Locator(".card").Filter(new() { HasText = "演示：技术攻关需求征集（进行中）" });
        await round.GetByRole(AriaRole.Button, new() { Name = Annex2Button }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NewFormPath());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("龙泉市2024年度科技项目技术攻关需求征集表（企业填报）");
    }

    static async Task FillAnnex2Async(IPage page)
    {
        await Field(page, "联系人").FillAsync("叶建华");
        await Field(page, "联系方式").FillAsync("13905781234");
        await Field(page, "企业简介").FillAsync("公司成立于2006年，主营汽车空调换热器和管路总成，年产值2.3亿元，省级高新技术企业。");
        await Field(page, "技术需求名称").FillAsync(DemandName);
        var area = page.GetByRole(AriaRole.Group, new() { Name = "所属领域" });
        await area.GetByLabel("重点领域").SelectOptionAsync(new SelectOptionValue { Label = "新材料" });
        await area.GetByLabel("电子化学材料").CheckAsync();
        await area.GetByLabel("合金材料").CheckAsync();
        await Field(page, "主要技术指标").FillAsync("钎焊接头强度≥90MPa，换热效率提高15%，泄漏率≤1×10⁻⁶Pa·m³/s。");
        await Field(page, "经济社会指标").FillAsync(FirstEconomicTargets);
        await Field(page, "科技成果指标").FillAsync("申请发明专利2项，制定企业标准1项。");
        await Field(page, "预计总投入").FillAsync("650");
        await Field(page, "拟筹资方案").FillAsync("企业自筹500万元，申请科技项目补助150万元。");
        await Field(page, "测算依据说明").FillAsync("设备购置300万元，材料测试150万元，人员费用200万元。");
        await Field(page, "企业负责人意见").FillAsync("同意申报，保证配套资金到位。");
    }

    static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    static ILocator SubmitButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true });

    static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByLabel("密码")).ToBeHiddenAsync();
    }

    static async Task SignInAsStaffAsync(IPage page)
    {
        await SignInAsync(page, "staff");
        await page.GetByLabel("验证码").FillAsync(Totp.Code(StaffAuthenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "需求受理" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/Demands/Edit/\d+$")]
    private static partial Regex EditPath();

    [GeneratedRegex(@"/Demands/Edit\?roundId=\d+&formKey=annex2$")]
    private static partial Regex NewFormPath();
}
