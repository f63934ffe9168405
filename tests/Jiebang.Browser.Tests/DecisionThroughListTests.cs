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
/// Staff work through a filtered inbox by keyboard alone: open the first demand, decide, land on the next with a message
/// saying what happened, decide again, and step on with "next" (issue 12, item 5).
/// </summary>
public sealed class DecisionThroughListTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string RoundTitle = "逐项受理测试批次";

    /// <summary>Three demands of a round of the test's own, sent straight to the bureau by the demo enterprise.</summary>
    async Task<int> RoundWithDemandsAsync()
    {
        using var scope = session.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = DateTimeOffset.UtcNow;
        var round = new Round
        {
            Title = RoundTitle, Kind = Domain.Rounds.RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10),
            Forms = ["annex2@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var owner = await db.Units.Where(u => u.Name == "龙泉示例汽车空调配件有限公司").Select(u => u.Id).SingleAsync();
        var demands = new[] { "逐项受理需求A", "逐项受理需求B", "逐项受理需求C" }.Select(title =>
        {
            var demand = Demand.Start(round.Id, owner, "annex2", 1, DemandKind.EnterpriseOwn, null, now);
            demand.SaveDraft("{}", new DemandSummary(title, "新材料", "高分子材料", title), DemandKind.EnterpriseOwn, null, now);
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
    public async Task Inbox_WorkedThroughByKeyboard_EachDecisionOpensTheNextOfTheFilteredList()
    {
        var round = await RoundWithDemandsAsync();
        var staff = await session.NewPageAsync();
        await Personas.SignInAsync(staff, "staff");
        await staff.GotoAsync($"/Inbox?Filter.RoundId={round}&Filter.Status=Submitted&Filter.Sort=title");
        await TabToAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "逐项受理需求A" }));
        await staff.Keyboard.PressAsync("Enter");

        var title = staff.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var position = staff.GetByTestId("list-position");
        await Expect(title).ToHaveTextAsync("逐项受理需求A");
        await Expect(position).ToHaveTextAsync("第1项，共3项");
        await BrowserSession.ScreenshotAsync(staff, "decision-list-first");

        // Accept by keyboard: the next one of the list opens and the message, read first, says what happened.
        await TabToAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "受理入库" }));
        await staff.Keyboard.PressAsync("Enter");
        var decided = staff.GetByTestId("decided");
        await Expect(decided).ToBeFocusedAsync();
        await Expect(decided).ToContainTextAsync("《逐项受理需求A》：已受理入库");
        await Expect(decided).ToContainTextAsync("已为您打开列表中的下一项。");
        await Expect(title).ToHaveTextAsync("逐项受理需求B");
        // The list is still of submitted demands: the accepted one has left it.
        await Expect(position).ToHaveTextAsync("第1项，共2项");
        await Expect(staff).ToHaveURLAsync(new Regex($"Filter.RoundId={round}.*Filter.Status=Submitted.*Filter.Sort=title"));
        await BrowserSession.ScreenshotAsync(staff, "decision-list-after-accept");

        // Return with a reason, typed; then the last one, and back to the list where it left off.
        await TabToAsync(staff, staff.GetByLabel("理由"));
        await staff.Keyboard.TypeAsync("请补充量化的技术指标。");
        await TabToAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "退回修改" }));
        await staff.Keyboard.PressAsync("Enter");
        await Expect(decided).ToContainTextAsync("《逐项受理需求B》：已退回修改");
        await Expect(title).ToHaveTextAsync("逐项受理需求C");
        await Expect(position).ToHaveTextAsync("第1项，共1项");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "下一项" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(staff, "decision-list-last");

        await TabToAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "返回需求受理列表" }), backwards: true);
        await staff.Keyboard.PressAsync("Enter");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("需求受理");
        await Expect(staff.GetByLabel("状态", new() { Exact = true })).ToHaveValueAsync("Submitted");
        var rows = staff.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2); // the header and the one still to decide
        await Expect(rows.Nth(1)).ToContainTextAsync("逐项受理需求C");
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task Decision_AtPhoneWidth_FollowsTheContent()
    {
        var round = await RoundWithDemandsAsync();
        var staff = await session.NewPageAsync(width: 390, height: 844);
        await Personas.SignInAsync(staff, "staff");
        await staff.GotoAsync($"/Inbox?Filter.RoundId={round}&Filter.Sort=title");
        await staff.GetByRole(AriaRole.Link, new() { Name = "逐项受理需求B" }).ClickAsync();

        var content = await staff.GetByRole(AriaRole.Term).Filter(new() { HasText = "需求类型与报送渠道" }).BoundingBoxAsync();
        var decision = await staff.GetByRole(AriaRole.Complementary).BoundingBoxAsync();
        Assert.True(decision!.Y > content!.Y, "the decision comes after the content on a narrow screen");
        Assert.True(await staff.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserSession.ScreenshotAsync(staff, "decision-list-phone");
        await staff.Context.CloseAsync();
    }

    /// <summary>Presses Tab (or Shift+Tab) until the element has focus, and fails when it never gets it.</summary>
    static async Task TabToAsync(IPage page, ILocator target, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        await Expect(target).ToBeFocusedAsync();
    }
}
