using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// The Lishui bureau (city, account lishui) sends what it recommended in the demo call up in a batch: it chooses
/// the proposal, previews the batch with its quota, downloads the summary and the letters, uploads their stamped
/// scans and submits. Axe checks every page the test passes through.
/// </summary>
public sealed class RecommendationBatchTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string ProjectName = "青瓷数字化烧成技术成果转化";

    [Fact]
    public async Task City_BatchesWhatItRecommended_DownloadsTheDocuments_UploadsTheScansAndSubmits()
    {
        var city = await session.NewPageAsync();
        await city.GotoAsync("/Account/Login");
        await city.GetByLabel("用户名").FillAsync("lishui");
        await city.GetByLabel("密码").FillAsync(DemoPassword);
        await city.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(city.GetByLabel("密码")).ToBeHiddenAsync();

        await city.GetByRole(AriaRole.Link, new() { Name = "推荐批次" }).ClickAsync();
        await Expect(city.GetByTestId("batch-waiting")).ToContainTextAsync("1个已推荐项目尚未放入批次");
        await city.GetByRole(AriaRole.Link, new() { Name = "新建推荐批次" }).ClickAsync();
        await Expect(city.GetByLabel(ProjectName)).ToBeCheckedAsync();
        await BrowserSession.ScreenshotAsync(city, "batch-choose-city");
        await city.GetByRole(AriaRole.Button, new() { Name = "保存批次" }).ClickAsync();

        await Expect(city.GetByTestId("batch-status")).ToHaveTextAsync("草稿（未报送）");
        await Expect(city.GetByTestId("quota")).ToContainTextAsync("限额");
        await Expect(city.GetByRole(AriaRole.Link, new() { Name = ProjectName })).ToBeVisibleAsync();
        foreach (var link in new[] { "推荐汇总表（Excel）", "推荐汇总表（Word）", "推荐函（Word）", "承诺书（Word）" })
        {
            var download = await city.RunAndWaitForDownloadAsync(() => city.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
            Assert.True(new FileInfo(await download.PathAsync()).Length > 1000, link);
        }

        foreach (var (document, label) in new[] { ("RecommendationLetter", "推荐函"), ("Summary", "推荐汇总表"), ("CommitmentLetter", "承诺书") })
        {
            await city.Locator($"#file-{document}").SetInputFilesAsync(new FilePayload
            {
                Name = label + ".pdf", MimeType = "application/pdf", Buffer = OnePagePdf(),
            });
            await city.GetByTestId($"scan-{document}").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
            await Expect(city.GetByTestId($"scan-{document}")).ToContainTextAsync(label + ".pdf");
        }
        await BrowserSession.ScreenshotAsync(city, "batch-preview-city");
        await city.GetByLabel("推荐意见").FillAsync("经审核，同意推荐。");
        await city.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();

        await Expect(city.GetByRole(AriaRole.Status)).ToContainTextAsync("已报送1个项目至");
        await Expect(city.GetByTestId("batch-status")).ToContainTextAsync("已报送");
        await BrowserSession.ScreenshotAsync(city, "batch-submitted-city");
    }

    static byte[] OnePagePdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }
}
