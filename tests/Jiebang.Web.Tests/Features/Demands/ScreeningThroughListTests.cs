using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>
/// A recommending unit screens the demands sent through it while working through its own list (issue 12, item 5): a demand
/// opened from the list keeps the list's filters and sort, links its previous and next there, and after a decision the next
/// record of that list opens and says what happened. No one else gets the list's links from its parameters.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class ScreeningThroughListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand of unit A submitted through the association in the test's own round.</summary>
    async Task<int> DemandAsync(int round, string title)
    {
        await using var db = host.App.CreateDbContext();
        var now = host.App.Clock.GetUtcNow();
        var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
        var through = host.Personas.Association;
        var demand = Demand.Start(round, host.Personas.UnitA, "annex2", 1, DemandKind.IndustryCommon, through, now);
        demand.SaveDraft("{}", new DemandSummary(title, "新材料", "高分子材料", title), DemandKind.IndustryCommon, through, now);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        Assert.Null(demand.Submit(new FilingWindow(r.OpensAt, r.ClosesAt), [], new FilingActor("test", host.Personas.UnitA), now));
        await db.SaveChangesAsync(Ct);
        return demand.Id;
    }

    /// <summary>The link to a demand that the screening list gives.</summary>
    static string LinkOf(string list, int id) =>
        Hrefs(list).Single(h => h.StartsWith($"/Demands/Details/{id}?", StringComparison.Ordinal));

    static IEnumerable<string> Hrefs(string page) => Href().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    static string? RelLink(string page, string rel) =>
        Regex.Match(page, $"<a [^>]*rel=\"{rel}\"[^>]*>") is { Success: true } a ? Hrefs(a.Value).Single() : null;

    [Fact]
    public async Task DemandOpenedFromTheScreeningList_LinksItsNeighboursInTheFilteredAndSortedList()
    {
        var round = await RoundAsync();
        var c = await DemandAsync(round, "遴选需求C");
        var a = await DemandAsync(round, "遴选需求A");
        var b = await DemandAsync(round, "遴选需求B");
        await DemandAsync(await RoundAsync(), "遴选需求B另一批次");
        var recommender = await host.App.SignedInAsync("recommender");
        var list = await recommender.GetStringAsync($"/Recommend?Queue.RoundId={round}&Queue.Sort=title", Ct);

        var link = LinkOf(list, b);
        Assert.Contains($"Queue.RoundId={round}", link);
        Assert.Contains("Queue.Sort=title", link);
        var page = await recommender.GetStringAsync(link, Ct);

        // A < B < C; the demand of the other round is not in this list.
        Assert.Contains("第2项，共3项", page);
        Assert.StartsWith($"/Demands/Details/{a}?", RelLink(page, "prev"));
        Assert.StartsWith($"/Demands/Details/{c}?", RelLink(page, "next"));
        Assert.Contains($"Queue.RoundId={round}", RelLink(page, "next"));
        var first = await recommender.GetStringAsync(RelLink(page, "prev")!, Ct);
        Assert.Null(RelLink(first, "prev"));
        Assert.Contains("第1项，共3项", first);
        // Back to the list keeps its filters and sort.
        var back = Hrefs(page).Single(h => h.StartsWith("/Recommend?", StringComparison.Ordinal));
        Assert.Contains($"Queue.RoundId={round}", back);
        Assert.Contains("Queue.Sort=title", back);
        Assert.Contains("返回需求遴选列表", page);
    }

    [Fact]
    public async Task Screening_InTheList_OpensTheNextRecordOfThatListAndSaysWhatHappened()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "推荐需求A");
        var second = await DemandAsync(round, "推荐需求B");
        var recommender = await host.App.SignedInAsync("recommender");
        var list = await recommender.GetStringAsync($"/Recommend?Queue.RoundId={round}&Queue.Status=Submitted&Queue.Sort=title", Ct);
        var link = LinkOf(list, first);

        var decided = await recommender.PostFormAsync(link.Replace("?", "?handler=Decide&"),
            new Dictionary<string, string> { ["Decision.Decision"] = "Accept" }, link);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var next = decided.Headers.Location!.OriginalString;
        // The next one of the list as it stood, though the decision took the first out of a list of demands awaiting screening.
        Assert.StartsWith($"/Demands/Details/{second}?", next);
        Assert.Contains("Queue.Status=Submitted", next);
        Assert.Contains($"Queue.RoundId={round}", next);
        var page = await recommender.GetStringAsync(next, Ct);
        Assert.Contains("《推荐需求A》：已同意推荐", page);
        Assert.Contains("已为您打开列表中的下一项。", page);
        Assert.Contains("第1项，共1项", page);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Recommended, (await db.Demands.SingleAsync(d => d.Id == first, Ct)).Status);
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.SingleAsync(d => d.Id == second, Ct)).Status);
    }

    [Fact]
    public async Task Screening_TheLastOfTheList_StaysOnItAndSaysItWasTheLast()
    {
        var round = await RoundAsync();
        await DemandAsync(round, "末项遴选A");
        var last = await DemandAsync(round, "末项遴选B");
        var recommender = await host.App.SignedInAsync("recommender");
        var list = await recommender.GetStringAsync($"/Recommend?Queue.RoundId={round}&Queue.Sort=title", Ct);
        var link = LinkOf(list, last);

        var decided = await recommender.PostFormAsync(link.Replace("?", "?handler=Decide&"),
            new Dictionary<string, string> { ["Decision.Decision"] = "Return", ["Decision.Reason"] = "请补充技术指标" }, link);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.StartsWith($"/Demands/Details/{last}?", decided.Headers.Location!.OriginalString);
        var page = await recommender.GetStringAsync(decided.Headers.Location!.OriginalString, Ct);
        Assert.Contains("《末项遴选B》：已退回修改", page);
        Assert.Contains("这是列表中的最后一项。", page);
    }

    [Fact]
    public async Task ScreeningListParameters_OpenedByTheFilingUnit_GiveNoListLinks()
    {
        var round = await RoundAsync();
        var id = await DemandAsync(round, "他人参数需求");
        var query = $"?Queue.RoundId={round}&Queue.Sort=title";
        var owner = await host.App.SignedInAsync("applicant-a");
        Assert.DoesNotContain("data-testid=\"list-nav\"", await owner.GetStringAsync($"/Demands/Details/{id}{query}", Ct));
        var recommender = await host.App.SignedInAsync("recommender");
        Assert.Contains("data-testid=\"list-nav\"", await recommender.GetStringAsync($"/Demands/Details/{id}{query}", Ct));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
