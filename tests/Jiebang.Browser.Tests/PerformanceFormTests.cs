using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// Annex 4's 绩效目标申报表 in the browser: the listed indicators are shown, not typed; a value goes
/// beside its unit, an indicator of one's own into its row, another row can be added, and what was
/// typed is saved by itself and is there after a reload.
/// </summary>
public sealed class PerformanceFormTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string RoundTitle = "附件4绩效目标试填（浏览器）";

    async Task AddRoundAsync()
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Rounds.Add(new Round
        {
            Kind = Jiebang.Domain.Rounds.RoundKind.DemandSolicitation, Title = RoundTitle, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10),
            Forms = ["annex4-performance@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task IndicatorRows_ValuesAndAnOwnIndicator_AreSavedAndComeBack()
    {
        await AddRoundAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("univ");
        await page.GetByLabel("密码").FillAsync("demo2024jiebang");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByLabel("密码")).ToBeHiddenAsync();

        await page.GotoAsync("/Demands");
        await page.Locator(".card").Filter(new() { HasText = RoundTitle })
            .GetByRole(AriaRole.Button, new() { Name = "附件2：绩效目标申报表（2024年度）" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("绩效目标申报表（2024年度）");

        var table = page.Locator("table[data-table='indicators']");
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "转化科技成果数量", Exact = true })).ToBeVisibleAsync();
        await Expect(table.Locator("input[name='f.indicators[2].level3']")).ToHaveCountAsync(0); // listed: shown, not typed
        // The first autosave that carries the last value typed below.
        var saved = page.WaitForResponseAsync(response => response.Url.Contains("handler=Autosave") && response.Ok
            && response.Request.PostData?.Contains("2项") == true, new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "项目名称", Exact = true }).FillAsync("龙泉青瓷全国重点实验室建设");
        await table.Locator("input[name='f.indicators[2].target']").FillAsync("15");
        await table.Locator("input[name='f.indicators[7].level3']").FillAsync("制定团体标准数量");
        await table.Locator("input[name='f.indicators[7].target']").FillAsync("2项");
        await page.GetByRole(AriaRole.Button, new() { Name = "增加一行" }).ClickAsync();
        await Expect(table.Locator("input[name='f.indicators[24].level1']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "annex4-performance-form");

        await saved;
        await page.ReloadAsync();
        await Expect(table.Locator("input[name='f.indicators[2].target']")).ToHaveValueAsync("15");
        await Expect(table.Locator("input[name='f.indicators[7].level3']")).ToHaveValueAsync("制定团体标准数量");
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "资金使用及时率", Exact = true })).ToBeVisibleAsync();
    }
}
