using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// Staff work through a filtered inbox by keyboard alone: open the first demand, decide, land on the next with a message
/// saying what happened, decide again, and step on with "next" (issue 12, item 5).
/// </summary>
public sealed class DecisionThroughListTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    /// <summary>Three demands of a round of the test's own, sent straight to the bureau by the demo enterprise.</summary>
    Task<int> RoundWithDemandsAsync() =>
        DemoRounds.WithDemandsAsync(session.App, "逐项受理测试批次", DemoRounds.Titled("逐项受理需求A", "逐项受理需求B", "逐项受理需求C"));

    [Fact]
    public async Task Inbox_WorkedThroughByKeyboard_EachDecisionOpensTheNextOfTheFilteredList()
    {
        var round = await RoundWithDemandsAsync();
        var staff = await session.NewPageAsync();
        await Personas.SignInAsync(staff, "staff");
        var walk = new ListWalk(staff, DemandList.Inbox, byKeyboard: true);
        await walk.GotoSubmittedAsync(round);
        await walk.OpenAsync("逐项受理需求A", "第1项，共3项");
        await BrowserSession.ScreenshotAsync(staff, "decision-list-first");

        // Accepted: the list is still of submitted demands, so the accepted one has left it.
        await walk.PressAsync(staff.GetByRole(AriaRole.Button, new() { Name = "受理入库" }));
        await walk.ExpectDecidedAsync("《逐项受理需求A》：已受理入库", "逐项受理需求B", "第1项，共2项");
        await walk.ExpectListKeptAsync(round);
        await BrowserSession.ScreenshotAsync(staff, "decision-list-after-accept");

        // Return with a reason, typed; then the last one, and back to the list where it left off.
        await walk.TabToAsync(staff.GetByLabel("理由"));
        await staff.Keyboard.TypeAsync("请补充量化的技术指标。");
        await walk.PressAsync(staff.GetByRole(AriaRole.Button, new() { Name = "退回修改" }));
        await walk.ExpectDecidedAsync("《逐项受理需求B》：已退回修改", "逐项受理需求C", "第1项，共1项");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "下一项" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(staff, "decision-list-last");

        await walk.BackToListAsync(staff.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row), "逐项受理需求C");
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
}
