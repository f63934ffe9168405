using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// 揭榜 and recommendation through levels, in the demo call: an enterprise takes up a published item from
/// the public call page and files its proposal; the Longquan bureau (county) recommends it and sends it up
/// in a batch; the Lishui bureau (city, holding the quota) recommends it within quota, previews its batch and
/// downloads the summary and the letters.
/// </summary>
public sealed class ProposalRecommendationTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string CallTitle = "演示：2026年度龙泉市揭榜挂帅科技项目申报（进行中）";
    const string ItemName = "新能源汽车热泵空调低温高效制热与电子膨胀阀协同控制技术";
    const string ProjectName = "热泵空调低温制热与膨胀阀协同控制揭榜攻关（浏览器测试）";

    [Fact]
    public async Task Enterprise_TakesUpAnItem_CountyRecommendsAndSendsItUp_CityRecommendsWithinQuotaAndExports()
    {
        var enterprise = await session.NewPageAsync();
        await SignInAsync(enterprise, "ent2");
        await enterprise.GotoAsync("/calls");
        await enterprise.GetByRole(AriaRole.Link, new() { Name = CallTitle }).First.ClickAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = ItemName }).ClickAsync();
        await enterprise.GetByTestId("take-up").ClickAsync();
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "开始填写申报书" }).ClickAsync();
        await Expect(enterprise.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("申报书");

        await FillProposalAsync(enterprise);
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "提交申报书", Exact = true }).ClickAsync();
        await Expect(enterprise.GetByTestId("receipt")).ToContainTextAsync("SB");
        await BrowserSession.ScreenshotAsync(enterprise, "proposal-receipt");

        var county = await session.NewPageAsync();
        await SignInAsync(county, "lqrec");
        await county.GetByRole(AriaRole.Link, new() { Name = "项目推荐" }).ClickAsync();
        await county.GetByRole(AriaRole.Link, new() { Name = ProjectName }).ClickAsync();
        await Expect(county.GetByTestId("level-decision")).ToHaveTextAsync("待审核");
        await BrowserSession.ScreenshotAsync(county, "recommend-review-county");
        await county.GetByLabel("推荐意见（可选）").FillAsync("项目基础扎实，同意推荐。");
        await county.GetByRole(AriaRole.Button, new() { Name = "推荐", Exact = true }).ClickAsync();
        await Expect(county.GetByTestId("done")).ToContainTextAsync(ProjectName);
        await county.GotoAsync("/Recommend/Proposals");
        await Expect(county.GetByTestId("quota")).ToContainTextAsync("本级不设限额");
        await BrowserSession.ScreenshotAsync(county, "recommend-list-county");
        await SendUpInABatchAsync(county, "龙泉市科技局审核同意，报送丽水市科技局。");
        await Expect(county.GetByRole(AriaRole.Status)).ToContainTextAsync("丽水市科学技术局");

        var city = await session.NewPageAsync();
        await SignInAsync(city, "lishui");
        await city.GetByRole(AriaRole.Link, new() { Name = "项目推荐" }).ClickAsync();
        await Expect(city.GetByTestId("quota")).ToContainTextAsync("已用5项，限额10项，剩余5项");
        await city.GetByRole(AriaRole.Link, new() { Name = ProjectName }).ClickAsync();
        await Expect(city.GetByTestId("findings")).ToHaveCountAsync(0); // the rules, run again, find nothing
        await city.GetByRole(AriaRole.Button, new() { Name = "推荐", Exact = true }).ClickAsync();
        await Expect(city.GetByTestId("done")).ToContainTextAsync(ProjectName);
        await city.GotoAsync("/Recommend/Proposals");
        await Expect(city.GetByTestId("quota")).ToContainTextAsync("已用6项，限额10项，剩余4项");
        await BrowserSession.ScreenshotAsync(city, "recommend-list-city");

        await city.GetByRole(AriaRole.Link, new() { Name = "推荐批次" }).ClickAsync();
        await city.GetByRole(AriaRole.Link, new() { Name = "新建推荐批次" }).ClickAsync();
        await Expect(city.GetByLabel(ProjectName)).ToBeCheckedAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "保存批次" }).ClickAsync();
        await Expect(city.GetByRole(AriaRole.Link, new() { Name = ProjectName })).ToBeVisibleAsync();
        foreach (var link in new[] { "推荐汇总表（Excel）", "推荐汇总表（Word）", "推荐函（Word）", "承诺书（Word）" })
        {
            var download = await city.RunAndWaitForDownloadAsync(() => city.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
            Assert.True(new FileInfo(await download.PathAsync()).Length > 1000, link);
        }
        await BrowserSession.ScreenshotAsync(city, "batch-preview-city-whole-path");
    }

    /// <summary>The level chooses what it recommended, uploads the three stamped scans and submits its batch.</summary>
    static async Task SendUpInABatchAsync(IPage level, string opinion)
    {
        await level.GetByRole(AriaRole.Link, new() { Name = "推荐批次" }).ClickAsync();
        await level.GetByRole(AriaRole.Link, new() { Name = "新建推荐批次" }).ClickAsync();
        await Expect(level.GetByLabel(ProjectName)).ToBeCheckedAsync();
        await level.GetByRole(AriaRole.Button, new() { Name = "保存批次" }).ClickAsync();
        foreach (var (document, label) in new[] { ("RecommendationLetter", "推荐函"), ("Summary", "推荐汇总表"), ("CommitmentLetter", "承诺书") })
        {
            await level.Locator($"#file-{document}").SetInputFilesAsync(new FilePayload { Name = label + ".pdf", MimeType = "application/pdf", Buffer = OnePagePdf() });
            await level.GetByTestId($"scan-{document}").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
            await Expect(level.GetByTestId($"scan-{document}")).ToContainTextAsync(label + ".pdf");
        }
        await level.GetByLabel("推荐意见").FillAsync(opinion);
        await level.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Expect(level.GetByTestId("batch-status")).ToContainTextAsync("已报送");
        await BrowserSession.ScreenshotAsync(level, "batch-submitted-county");
    }

    static async Task FillProposalAsync(IPage page)
    {
        await page.GetByLabel("推荐单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "龙泉市科学技术局" });
        await Field(page, "联系人").FillAsync("李经理");
        await Field(page, "联系电话").FillAsync("13905782002");
        await Field(page, "项目名称").FillAsync(ProjectName);
        await Field(page, "姓名").FillAsync("李建国");
        await Field(page, "身份证号码").FillAsync("331181198804163014");
        await Field(page, "职称").FillAsync("高级工程师");
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "是否院士" }).GetByLabel("否").CheckAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "是否本单位在职人员" }).GetByLabel("是").CheckAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "是否主持在研的中央引导地方科技发展资金项目" }).GetByLabel("否").CheckAsync();
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "是否主持同年度已立项的省级科技计划项目" }).GetByLabel("否").CheckAsync();
        await Field(page, "手机").FillAsync("13905782003");
        await Field(page, "项目团队 第1行 姓名").FillAsync("李建国");
        await Field(page, "项目团队 第1行 工作单位").FillAsync("浙江示例新材料科技有限公司");
        await Field(page, "项目团队 第1行 项目分工").FillAsync("项目总体负责");
        var area = page.GetByRole(AriaRole.Group, new() { Name = "所属领域和方向" });
        await area.GetByLabel("重点领域").SelectOptionAsync(new SelectOptionValue { Label = "新材料" });
        await area.GetByLabel("合金材料").CheckAsync();
        await Field(page, "立项背景和意义").FillAsync("热泵空调在低温环境下制热能力衰减明显，制约新能源汽车冬季续航。");
        await Field(page, "主要研究内容").FillAsync("研究低温工况下热泵系统与电子膨胀阀的协同控制策略，开发控制器并完成整车验证。");
        await Field(page, "预期成果及考核指标").FillAsync("-20℃时制热能效比COP≥1.8，申请发明专利3项。");
        await Field(page, "总预算").FillAsync("500");
        await Field(page, "其中：申请财政补助").FillAsync("100");
        await Field(page, "其中：单位自筹").FillAsync("400");
        await page.GetByLabel("预算明细 第1行 支出科目").SelectOptionAsync(new SelectOptionValue { Label = "设备费" });
        await Field(page, "预算明细 第1行 财政补助").FillAsync("100");
        await Field(page, "预算明细 第1行 单位自筹").FillAsync("400");
        await page.GetByLabel("预算明细 第1行 是否间接费用").SelectOptionAsync("no");
        await Field(page, "总体目标").FillAsync("建成热泵空调协同控制示范线。");
        await Field(page, "年度目标").FillAsync("完成控制策略开发与台架验证。");
        await Field(page, "绩效指标 第3行 指标值").FillAsync("1");
        await Field(page, "绩效指标 第7行 指标值").FillAsync("2");
        await page.GetByLabel("承诺书", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "承诺书.pdf", MimeType = "application/pdf", Buffer = OnePagePdf(),
        });
        await page.Locator("[data-field='commitmentLetter']").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(page.Locator("[data-field='commitmentLetter']").GetByRole(AriaRole.Link, new() { Name = "承诺书.pdf" })).ToBeVisibleAsync();
    }

    static byte[] OnePagePdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    static ILocator Field(IPage page, string label) => page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByLabel("密码")).ToBeHiddenAsync();
    }
}
