using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// A clerk who knows only Word: the form offers the Word path beside the web form (download the blank,
/// fill it, import it), and the draft is made by the import, not by opening the form. Empty drafts left
/// from before are deleted from the list after a confirmation.
/// </summary>
public sealed partial class WordPathTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string RoundTitle = "演示：技术攻关需求征集（进行中）";
    const string Annex2Button = "附件2：技术攻关需求征集表（企业填报）";
    const string DemandName = "菌菇废弃物高值化利用关键技术（Word填写）";

    [Fact]
    public async Task NewAnnex2_BlankDownloadedFilledInWordAndImported_BecomesTheDraft()
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent3");
        var before = await DemandCountAsync("ent3");
        await page.GotoAsync("/Demands");
        await page.Locator(".card").Filter(new() { HasText = RoundTitle }).GetByRole(AriaRole.Button, new() { Name = Annex2Button }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NewFormPath());

        var wordPath = page.GetByRole(AriaRole.Region, new() { Name = "用Word填写" });
        await Expect(wordPath).ToBeVisibleAsync();
        await Expect(wordPath.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Expect(page.GetByText("标有 * 的为必填项。")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "word-path-new-form");
        Assert.Equal(before, await DemandCountAsync("ent3")); // opening the form made no draft

        var download = await page.RunAndWaitForDownloadAsync(() => wordPath.GetByRole(AriaRole.Link, new() { Name = "下载空白模板" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var blank = Path.Combine(Path.GetTempPath(), $"jiebang-blank-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(blank);
        var filled = FillInWord(blank, new() { ["技术需求名称"] = DemandName, ["联系人"] = "季秀芳" });

        await page.Locator("#word-file").SetInputFilesAsync(filled);
        await wordPath.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("import-report")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(EditPath()); // the import made the draft, shown at its own address
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "技术需求名称", Exact = true })).ToHaveValueAsync(DemandName);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "联系人", Exact = true })).ToHaveValueAsync("季秀芳");
        await Expect(wordPath.GetByRole(AriaRole.Link, new() { Name = "下载Word版" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "word-path-imported");
        Assert.Equal(before + 1, await DemandCountAsync("ent3"));
        File.Delete(blank);
        File.Delete(filled);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DemandList_EmptyDraftFromBefore_IsDeletedAfterConfirming()
    {
        var id = await EmptyDraftAsync("ent2");
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent2");
        await page.GotoAsync("/Demands");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "未命名" }) });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByText("删除草稿").ClickAsync();
        await Expect(row.GetByText("该草稿从未提交。")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "delete-draft-confirm");
        await row.GetByRole(AriaRole.Button, new() { Name = "确认删除" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "草稿已删除。" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "未命名" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "delete-draft-done");
        using var scope = session.App.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<JiebangDbContext>().Demands.AnyAsync(d => d.Id == id, TestContext.Current.CancellationToken));
        await page.Context.CloseAsync();
    }

    /// <summary>What a clerk does in Word: types each value into the cell beside its label, and saves.</summary>
    static string FillInWord(string blank, Dictionary<string, string> values)
    {
        var filled = Path.Combine(Path.GetTempPath(), $"jiebang-filled-{Guid.NewGuid():N}.docx");
        File.Copy(blank, filled);
        using (var document = WordprocessingDocument.Open(filled, true))
        {
            var cells = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().ToList();
            foreach (var (label, value) in values)
            {
                var labelCell = cells.First(c => c.InnerText.Trim() == label);
                var valueCell = labelCell.NextSibling<TableCell>()!;
                valueCell.RemoveAllChildren<Paragraph>();
                valueCell.Append(new Paragraph(new Run(new Text(value))));
            }
        }
        return filled;
    }

    async Task<int> DemandCountAsync(string userName)
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var unitId = await db.Users.Where(u => u.UserName == userName).Select(u => u.UnitId).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Demands.CountAsync(d => d.OwnerUnitId == unitId, TestContext.Current.CancellationToken);
    }

    /// <summary>An empty 未命名 draft, as the old "start" click left them.</summary>
    async Task<int> EmptyDraftAsync(string userName)
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var unitId = await db.Users.Where(u => u.UserName == userName).Select(u => u.UnitId).SingleAsync(TestContext.Current.CancellationToken);
        var round = await db.Rounds.Where(r => r.Title == RoundTitle).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var demand = Jiebang.Domain.Demands.Demand.Start(round, unitId, "annex2", 1, Jiebang.Domain.Demands.DemandKind.EnterpriseOwn, null, now);
        demand.SaveDraft("{}", new Jiebang.Domain.Demands.DemandSummary("", "", "", ""), Jiebang.Domain.Demands.DemandKind.EnterpriseOwn, null, now);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return demand.Id;
    }

    [GeneratedRegex(@"/Demands/Edit/\d+$")]
    private static partial Regex EditPath();

    [GeneratedRegex(@"/Demands/Edit\?roundId=\d+&formKey=annex2$")]
    private static partial Regex NewFormPath();
}
