using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jiebang.Browser.Tests.Accessibility;

/// <summary>
/// Each persona walks every page it can reach by following links from the home page, in both
/// languages and at desktop and phone width; axe checks each (see <see cref="AxeWatch"/>), and a
/// serious or critical finding fails the test. Pages added later are walked without a change here.
/// </summary>
public sealed partial class EveryPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const int MaxPages = 60;

    public static TheoryData<string, string, int> Walks()
    {
        var walks = new TheoryData<string, string, int>();
        foreach (var persona in new[] { "anonymous", "enterprise", "association", "staff", "admin" })
        {
            walks.Add(persona, "zh-CN", 1280);
            walks.Add(persona, "en-US", 1280);
            walks.Add(persona, "zh-CN", 390);
        }
        return walks;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task EveryReachablePage_HasNoSeriousAccessibilityFinding(string persona, string culture, int width)
    {
        var page = await session.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        if (persona != "anonymous") await Personas.SignInAsync(page, Personas.ByRole[persona]);
        if (culture != "zh-CN") await page.GotoAsync($"/culture?c={culture}&returnUrl=%2F");

        var visited = await WalkAsync(page);
        await page.Context.CloseAsync();
        Assert.True(visited.Count >= (persona == "anonymous" ? 3 : 5), $"only {string.Join(", ", visited)} reached");
    }

    /// <summary>Follows same-site links breadth first, one page of each shape (/Demands/Details/{n}), up to a bound.</summary>
    async Task<List<string>> WalkAsync(IPage page)
    {
        var root = new Uri(session.App.RootUrl);
        var queue = new Queue<string>(["/"]);
        var shapes = new HashSet<string>();
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!shapes.Add(Shape(path))) continue;
            var response = await page.GotoAsync(path);
            if (response?.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html") != true) continue;
            visited.Add(path);
            foreach (var href in await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
            {
                var uri = new Uri(href);
                if (uri.Authority != root.Authority || Skipped().IsMatch(uri.AbsolutePath)) continue;
                var next = uri.PathAndQuery;
                if (!shapes.Contains(Shape(next))) queue.Enqueue(next);
            }
        }
        return visited;
    }

    /// <summary>A path with its numbers and query values taken out: pages of one shape render alike.</summary>
    static string Shape(string path) => Numbers().Replace(QueryValues().Replace(path, "="), "{n}");

    // Files and JSON, switching language, signing out: not pages to check.
    [GeneratedRegex(@"^/(api|culture|Account/Logout|openapi|scalar)|\.(xlsx|docx|pdf|json|atom)$", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"=[^&]*")]
    private static partial Regex QueryValues();
}
