using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Lists;

/// <summary>The bureau's inbox pages, sorts, counts and finds in the database, and keeps its state in the URL.</summary>
[Trait("Category", "Database")]
public sealed partial class InboxListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A round of the test's own, so that a filter by it finds only what the test made.</summary>
    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand submitted straight to the bureau, last changed <paramref name="minutesAgo"/> before the fake clock's now.</summary>
    async Task<int> DemandAsync(int round, string title, string area = "新材料", string directions = "高分子材料", int minutesAgo = 0,
        string text = "")
    {
        await using var db = host.App.CreateDbContext();
        var at = host.App.Clock.GetUtcNow().AddMinutes(-minutesAgo);
        var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
        var demand = Demand.Start(round, host.Personas.UnitA, "annex2", 1, DemandKind.EnterpriseOwn, null, at);
        demand.SaveDraft("{}", new DemandSummary(title, area, directions, title + text), DemandKind.EnterpriseOwn, null, at);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        Assert.Null(demand.Submit(new FilingWindow(r.OpensAt, r.ClosesAt), [], new FilingActor("test", host.Personas.UnitA), at));
        await db.SaveChangesAsync(Ct);
        return demand.Id;
    }

    async Task<JsonElement> InboxAsync(string query)
    {
        var staff = await host.App.SignedInAsync("staff");
        return await staff.GetFromJsonAsync<JsonElement>("/api/demands/inbox?" + query, Ct);
    }

    static List<string> Titles(JsonElement inbox) =>
        [.. inbox.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("title").GetString()!)];

    [Fact]
    public async Task Inbox_SecondPage_HoldsTheNextRowsAndTheTotal()
    {
        var round = await RoundAsync();
        for (var i = 0; i < 57; i++) await DemandAsync(round, $"分页需求{i:D2}");

        var first = await InboxAsync($"roundId={round}&sort=title");
        var second = await InboxAsync($"roundId={round}&sort=title&page=2");

        Assert.Equal(57, first.GetProperty("total").GetInt32());
        Assert.Equal(57, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"分页需求{i:D2}"), Titles(first));
        Assert.Equal(Enumerable.Range(50, 7).Select(i => $"分页需求{i:D2}"), Titles(second));
        // The counts are of the whole filter, not of the page.
        Assert.Equal(57, Assert.Single(first.GetProperty("byArea").EnumerateArray()).GetProperty("demands").GetInt32());
    }

    [Fact]
    public async Task Inbox_SortInTheUrl_OrdersByThatColumnEitherWay()
    {
        var round = await RoundAsync();
        await DemandAsync(round, "乙排序需求", minutesAgo: 30);
        await DemandAsync(round, "甲排序需求", minutesAgo: 10);
        await DemandAsync(round, "丙排序需求", minutesAgo: 20);

        Assert.Equal(["甲排序需求", "丙排序需求", "乙排序需求"], Titles(await InboxAsync($"roundId={round}")));
        Assert.Equal(["乙排序需求", "丙排序需求", "甲排序需求"], Titles(await InboxAsync($"roundId={round}&sort=updated")));
        var byTitle = await InboxAsync($"roundId={round}&sort=title");
        Assert.Equal("title", byTitle.GetProperty("sort").GetString());
        Assert.Equal(Titles(byTitle).Order(StringComparer.Ordinal), Titles(byTitle));
        var byTitleDescending = Titles(await InboxAsync($"roundId={round}&sort=-title"));
        Assert.Equal(Titles(byTitle).AsEnumerable().Reverse(), byTitleDescending);
    }

    [Fact]
    public async Task Inbox_ReceiptNumber_FindsItsDemandWholeOrByItsBeginning()
    {
        var round = await RoundAsync();
        var wanted = await DemandAsync(round, "回执查找需求");
        await DemandAsync(round, "回执查找另一需求");
        string receipt;
        await using (var db = host.App.CreateDbContext())
            receipt = await db.DemandVersions.Where(v => v.FilingId == wanted).Select(v => v.ReceiptNumber).SingleAsync(Ct);
        Assert.Matches(@"^XQ\d{3}-\d{6}-1$", receipt);

        Assert.Equal(["回执查找需求"], Titles(await InboxAsync($"text={receipt}")));
        Assert.Equal(["回执查找需求"], Titles(await InboxAsync($"text={receipt[..^2].ToLowerInvariant()}")));
        Assert.Equal(2, (await InboxAsync($"text={receipt[..5]}-&roundId={round}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await InboxAsync($"text={receipt[..^1]}9")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InboxPage_PageLinks_KeepTheFiltersAndTheSort()
    {
        var round = await RoundAsync();
        for (var i = 0; i < 52; i++) await DemandAsync(round, $"链接需求{i:D2}", area: "生命健康", directions: "精准医疗");
        var staff = await host.App.SignedInAsync("staff");

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Area=生命健康&Filter.Sort=-title", Ct));

        Assert.Contains("共52项需求", page);
        var next = Hrefs(page).First(h => h.Contains("Filter.Page=2"));
        Assert.Contains($"Filter.RoundId={round}", next);
        Assert.Contains("Filter.Area=" + Uri.EscapeDataString("生命健康"), next);
        Assert.Contains("Filter.Sort=-title", next);
        var second = WebUtility.HtmlDecode(await staff.GetStringAsync(next, Ct));
        Assert.Contains("链接需求01", second);
        Assert.DoesNotContain("链接需求51", second);
        Assert.Contains("第2页，共2页，52条", second);
        // The column sorted by says so, and its header turns the order round.
        Assert.Matches("aria-sort=\"descending\"", page);
        Assert.Contains(Hrefs(page), h => h.Contains("Filter.Sort=title") && h.Contains($"Filter.RoundId={round}") && !h.Contains("Filter.Page"));
    }

    [Fact]
    public async Task InboxPage_ChartBar_LinksToTheListFilteredByItsAreaOrDirection()
    {
        var round = await RoundAsync();
        await DemandAsync(round, "图表需求一", area: "新材料", directions: "电子化学材料；高分子材料");
        await DemandAsync(round, "图表需求二", area: "新材料", directions: "高分子材料");
        await DemandAsync(round, "图表需求三", area: "碳达峰碳中和", directions: "低碳建筑");
        var staff = await host.App.SignedInAsync("staff");

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}", Ct));
        var bars = BarLinks().Matches(page).Select(m => m.Groups["href"].Value).ToList();
        var byArea = bars.Single(h => h.Contains("Filter.Area=" + Uri.EscapeDataString("新材料")));
        var byDirection = bars.Single(h => h.Contains("Filter.Direction=" + Uri.EscapeDataString("高分子材料")));

        var areaPage = WebUtility.HtmlDecode(await staff.GetStringAsync(byArea, Ct));
        Assert.Contains("共2项需求", areaPage);
        Assert.Contains("图表需求二", areaPage);
        Assert.DoesNotContain("图表需求三", areaPage);
        var directionPage = WebUtility.HtmlDecode(await staff.GetStringAsync(byDirection, Ct));
        Assert.Contains("共2项需求", directionPage);
        Assert.Contains($"Filter.RoundId={round}", byDirection);
        // 电子化学材料 was counted once, from the demand that lists two directions.
        Assert.Equal(1, (await InboxAsync($"roundId={round}&direction=电子化学材料")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InboxPage_AreaAndDirection_AreChosenFromTheRoundsTaxonomy()
    {
        var round = await RoundAsync();
        var staff = await host.App.SignedInAsync("staff");

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Area=新材料", Ct));

        var area = Regex.Match(page, "<select[^>]*id=\"Filter_Area\".*?</select>", RegexOptions.Singleline).Value;
        foreach (var name in new[] { "互联网+", "新材料", "生命健康", "碳达峰碳中和" }) Assert.Contains($">{name}</option>", area);
        Assert.Matches("<option value=\"新材料\" selected=\"selected\">", area);
        var direction = Regex.Match(page, "<select[^>]*id=\"Filter_Direction\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains(">电子化学材料</option>", direction);
        Assert.DoesNotContain(">精准医疗</option>", direction);
    }

    static IEnumerable<string> Hrefs(string html) => HrefPattern().Matches(html).Select(m => m.Groups["href"].Value);

    [GeneratedRegex("href=\"(?<href>[^\"]+)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex("data-testid=\"chart-bar\"\\s+href=\"(?<href>[^\"]+)\"")]
    private static partial Regex BarLinks();
}
