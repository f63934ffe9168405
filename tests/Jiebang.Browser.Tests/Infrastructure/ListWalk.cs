using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>A list that demands are decided through: its page, the prefix of its query keys, its heading and the way back to it.</summary>
public sealed record DemandList(string Path, string Key, string Heading, string BackLink)
{
    public static readonly DemandList Inbox = new("/Inbox", "Filter", "需求受理", "返回需求受理列表");
    public static readonly DemandList Screening = new("/Recommend", "Queue", "需求遴选", "返回需求遴选列表");
}

/// <summary>
/// A person working through a filtered list of demands in the browser (issue 12, item 5): opens one from the list, decides, lands
/// on the next with a message saying what happened, and goes back to the list where they left off. The bureau's inbox and a
/// recommending unit's screening list share the walk; each list's tests say which list, which persona and what a decision says.
/// </summary>
/// <param name="byKeyboard">Whether links and buttons are reached with Tab and pressed with Enter rather than clicked.</param>
public sealed class ListWalk(IPage page, DemandList list, bool byKeyboard)
{
    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Position => page.GetByTestId("list-position");

    /// <summary>The submitted demands of the round, sorted by title.</summary>
    public async Task GotoSubmittedAsync(int round) =>
        await page.GotoAsync($"{list.Path}?{list.Key}.RoundId={round}&{list.Key}.Status=Submitted&{list.Key}.Sort=title");

    /// <summary>Follows a link or presses a button, by mouse or by keyboard as this walk does.</summary>
    public async Task PressAsync(ILocator target, bool backwards = false)
    {
        if (!byKeyboard)
        {
            await target.ClickAsync();
            return;
        }
        await TabToAsync(target, backwards);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Opens a demand from the list: its page says where it stands in the list.</summary>
    public async Task OpenAsync(string title, string position)
    {
        await PressAsync(page.GetByRole(AriaRole.Link, new() { Name = title }));
        await Expect(Title).ToHaveTextAsync(title);
        await Expect(Position).ToHaveTextAsync(position);
    }

    /// <summary>After a decision the message, read first, says what happened, and the next of the list is open where it stands.</summary>
    public async Task ExpectDecidedAsync(string said, string nextTitle, string position)
    {
        var decided = page.GetByTestId("decided");
        await Expect(decided).ToBeFocusedAsync();
        await Expect(decided).ToContainTextAsync(said);
        await Expect(decided).ToContainTextAsync("已为您打开列表中的下一项。");
        await Expect(Title).ToHaveTextAsync(nextTitle);
        await Expect(Position).ToHaveTextAsync(position);
    }

    /// <summary>The page's address still holds the list's round, status and sort.</summary>
    public async Task ExpectListKeptAsync(int round) =>
        await Expect(page).ToHaveURLAsync(new Regex($"{list.Key}.RoundId={round}.*{list.Key}.Status=Submitted.*{list.Key}.Sort=title"));

    /// <summary>Goes back to the list: it is filtered as it was and holds only the demands still to decide, in order.</summary>
    public async Task BackToListAsync(ILocator rows, params string[] remaining)
    {
        await PressAsync(page.GetByRole(AriaRole.Link, new() { Name = list.BackLink }), backwards: true);
        await Expect(Title).ToHaveTextAsync(list.Heading);
        await Expect(page.GetByLabel("状态", new() { Exact = true })).ToHaveValueAsync("Submitted");
        await Expect(rows).ToHaveCountAsync(remaining.Length + 1); // the header and those still to decide
        for (var i = 0; i < remaining.Length; i++) await Expect(rows.Nth(i + 1)).ToContainTextAsync(remaining[i]);
    }

    /// <summary>Presses Tab (or Shift+Tab) until the element has focus, and fails when it never gets it.</summary>
    public async Task TabToAsync(ILocator target, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        await Expect(target).ToBeFocusedAsync();
    }
}
