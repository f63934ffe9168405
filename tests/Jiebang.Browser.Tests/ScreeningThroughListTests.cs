using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// An association works through the demands sent through it: open the first of its filtered list, screen it in, land on the
/// next with a message saying what happened, step back and forth with previous and next, and go back to the list where it
/// left off (issue 12, item 5).
/// </summary>
public sealed class ScreeningThroughListTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    /// <summary>Three demands of a round of the test's own, filed by the demo enterprise through the demo association.</summary>
    async Task<int> RoundWithDemandsAsync()
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = DateTimeOffset.UtcNow;
        var round = new Round
        {
            Title = "逐项遴选测试批次", Kind = Domain.Rounds.RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10),
            Forms = ["annex2@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var owner = await db.Units.Where(u => u.Name == "龙泉示例汽车空调配件有限公司").Select(u => u.Id).SingleAsync();
        var association = await db.Users.Where(u => u.UserName == "assoc1").Select(u => u.UnitId).SingleAsync();
        var demands = new[] { "逐项遴选需求A", "逐项遴选需求B", "逐项遴选需求C" }.Select(title =>
        {
            var demand = Demand.Start(round.Id, owner, "annex2", 1, DemandKind.IndustryCommon, association, now);
            demand.SaveDraft("{}", new DemandSummary(title, "新材料", "高分子材料", title), DemandKind.IndustryCommon, association, now);
            return demand;
        }).ToList();
        db.Demands.AddRange(demands);
        await db.SaveChangesAsync();
        foreach (var demand in demands)
            Assert.Null(demand.Submit(new FilingWindow(round.OpensAt, round.ClosesAt), [], new FilingActor("test", owner), now));
        await db.SaveChangesAsync();
        return round.Id;
    }

    [Fact]
    public async Task ScreeningList_WorkedThrough_EachDecisionOpensTheNextOfTheFilteredList()
    {
        var round = await RoundWithDemandsAsync();
        var association = await session.NewPageAsync();
        await Personas.SignInAsync(association, "assoc1");
        await association.GotoAsync($"/Recommend?Queue.RoundId={round}&Queue.Status=Submitted&Queue.Sort=title");
        var list = association.GetByTestId("queue");
        await Expect(list.GetByRole(AriaRole.Row)).ToHaveCountAsync(4); // the header and the three to screen
        await BrowserSession.ScreenshotAsync(association, "screening-list");
        await list.GetByRole(AriaRole.Link, new() { Name = "逐项遴选需求A" }).ClickAsync();

        var title = association.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var position = association.GetByTestId("list-position");
        await Expect(title).ToHaveTextAsync("逐项遴选需求A");
        await Expect(position).ToHaveTextAsync("第1项，共3项");
        await BrowserSession.ScreenshotAsync(association, "screening-list-first");

        // Screened in: the next one of the list opens, and the message, read first, says what happened.
        await association.GetByRole(AriaRole.Button, new() { Name = "遴选通过" }).ClickAsync();
        var decided = association.GetByTestId("decided");
        await Expect(decided).ToBeFocusedAsync();
        await Expect(decided).ToContainTextAsync("《逐项遴选需求A》：已同意推荐");
        await Expect(decided).ToContainTextAsync("已为您打开列表中的下一项。");
        await Expect(title).ToHaveTextAsync("逐项遴选需求B");
        // The list is still of demands to screen: the one screened in has left it.
        await Expect(position).ToHaveTextAsync("第1项，共2项");
        await Expect(association).ToHaveURLAsync(new Regex($"Queue.RoundId={round}.*Queue.Status=Submitted.*Queue.Sort=title"));
        await BrowserSession.ScreenshotAsync(association, "screening-list-after-recommend");

        await association.GetByRole(AriaRole.Link, new() { Name = "下一项" }).ClickAsync();
        await Expect(title).ToHaveTextAsync("逐项遴选需求C");
        await Expect(position).ToHaveTextAsync("第2项，共2项");
        await Expect(association.GetByRole(AriaRole.Link, new() { Name = "下一项" })).ToHaveCountAsync(0);
        await association.GetByRole(AriaRole.Link, new() { Name = "上一项" }).ClickAsync();
        await Expect(title).ToHaveTextAsync("逐项遴选需求B");

        await association.GetByRole(AriaRole.Link, new() { Name = "返回需求遴选列表" }).ClickAsync();
        await Expect(association.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("需求遴选");
        await Expect(association.GetByLabel("状态", new() { Exact = true })).ToHaveValueAsync("Submitted");
        var rows = association.GetByTestId("queue").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3); // the header and the two still to screen
        await Expect(rows.Nth(1)).ToContainTextAsync("逐项遴选需求B");
        await BrowserSession.ScreenshotAsync(association, "screening-list-back");
        await association.Context.CloseAsync();
    }
}
