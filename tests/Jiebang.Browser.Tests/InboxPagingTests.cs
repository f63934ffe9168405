using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Domain.Demands;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>Staff page through a round's inbox, sort it, and filter it by a bar of the area chart, with the state in the URL.</summary>
public sealed class InboxPagingTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string RoundTitle = "分页浏览测试批次";

    /// <summary>60 demands of a round of the test's own, sent to the bureau by the demo enterprise, half in each of two areas.</summary>
    Task<int> RoundWithDemandsAsync() => DemoRounds.WithDemandsAsync(session.App, RoundTitle, [.. Enumerable.Range(0, 60).Select(i =>
        i % 2 == 0 ? new DemandSummary($"分页浏览需求{i:D2}", "新材料", "高分子材料", "") : new DemandSummary($"分页浏览需求{i:D2}", "生命健康", "精准医疗", ""))]);

    [Fact]
    public async Task Inbox_PagedSortedAndFilteredByAChartBar_KeepsItsStateInTheUrl()
    {
        var round = await RoundWithDemandsAsync();
        var staff = await session.NewPageAsync();
        await Personas.SignInAsync(staff, "staff");
        await staff.GotoAsync("/Inbox");

        await staff.GetByLabel("征集批次").SelectOptionAsync(new SelectOptionValue { Label = RoundTitle });
        await staff.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"Filter.RoundId={round}"));
        await Expect(staff.GetByText("共60项需求。")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("page-position")).ToHaveTextAsync("第1页，共2页，60条。");
        var rows = staff.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(51); // the header and 50 demands
        await Expect(rows.Nth(1)).ToContainTextAsync("分页浏览需求59"); // the latest change first
        await BrowserSession.ScreenshotAsync(staff, "inbox-page-1");

        var pager = staff.GetByRole(AriaRole.Navigation, new() { Name = "分页" });
        await pager.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"Filter.RoundId={round}.*Filter.Page=2"));
        await Expect(staff.GetByTestId("page-position")).ToHaveTextAsync("第2页，共2页，60条。");
        await Expect(rows).ToHaveCountAsync(11);
        await Expect(rows.Nth(10)).ToContainTextAsync("分页浏览需求00");
        await BrowserSession.ScreenshotAsync(staff, "inbox-page-2");

        // Sorting by name goes back to the first page, with the round kept.
        await staff.GetByRole(AriaRole.Columnheader, new() { Name = "需求名称" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("Filter.Sort=title"));
        await Expect(staff.GetByRole(AriaRole.Columnheader, new() { Name = "需求名称" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(staff.GetByTestId("page-position")).ToHaveTextAsync("第1页，共2页，60条。");
        await Expect(rows.Nth(1)).ToContainTextAsync("分页浏览需求00");

        // A bar of the area chart filters the list; the area's select then shows it chosen.
        await staff.GetByRole(AriaRole.Figure, new() { Name = "按领域统计" }).GetByRole(AriaRole.Link, new() { Name = "新材料" }).ClickAsync();
        await Expect(staff.GetByText("共30项需求。")).ToBeVisibleAsync();
        await Expect(staff.GetByLabel("领域", new() { Exact = true })).ToHaveValueAsync("新材料");
        await Expect(staff.GetByTestId("pager")).ToHaveCountAsync(0);
        await Expect(rows.Nth(1)).ToContainTextAsync("分页浏览需求00");
        await Expect(rows.Nth(2)).ToContainTextAsync("分页浏览需求02");
        await BrowserSession.ScreenshotAsync(staff, "inbox-filtered-by-bar");
    }
}
