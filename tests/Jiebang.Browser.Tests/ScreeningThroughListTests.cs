using Jiebang.Browser.Tests.Infrastructure;
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
    [Fact]
    public async Task ScreeningList_WorkedThrough_EachDecisionOpensTheNextOfTheFilteredList()
    {
        var round = await DemoRounds.WithDemandsAsync(session.App, "逐项遴选测试批次",
            DemoRounds.Titled("逐项遴选需求A", "逐项遴选需求B", "逐项遴选需求C"), throughUser: "assoc1");
        var association = await session.NewPageAsync();
        await Personas.SignInAsync(association, "assoc1");
        var walk = new ListWalk(association, DemandList.Screening, byKeyboard: false);
        await walk.GotoSubmittedAsync(round);
        var rows = association.GetByTestId("queue").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(4); // the header and the three to screen
        await BrowserSession.ScreenshotAsync(association, "screening-list");
        await walk.OpenAsync("逐项遴选需求A", "第1项，共3项");
        await BrowserSession.ScreenshotAsync(association, "screening-list-first");

        // Screened in: the list is still of demands to screen, so the one screened in has left it.
        await walk.PressAsync(association.GetByRole(AriaRole.Button, new() { Name = "遴选通过" }));
        await walk.ExpectDecidedAsync("《逐项遴选需求A》：已同意推荐", "逐项遴选需求B", "第1项，共2项");
        await walk.ExpectListKeptAsync(round);
        await BrowserSession.ScreenshotAsync(association, "screening-list-after-recommend");

        await walk.PressAsync(association.GetByRole(AriaRole.Link, new() { Name = "下一项" }));
        await Expect(walk.Title).ToHaveTextAsync("逐项遴选需求C");
        await Expect(walk.Position).ToHaveTextAsync("第2项，共2项");
        await Expect(association.GetByRole(AriaRole.Link, new() { Name = "下一项" })).ToHaveCountAsync(0);
        await walk.PressAsync(association.GetByRole(AriaRole.Link, new() { Name = "上一项" }));
        await Expect(walk.Title).ToHaveTextAsync("逐项遴选需求B");

        await walk.BackToListAsync(rows, "逐项遴选需求B", "逐项遴选需求C");
        await BrowserSession.ScreenshotAsync(association, "screening-list-back");
        await association.Context.CloseAsync();
    }
}
