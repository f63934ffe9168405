using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>
/// Staff decide on demands while working through the inbox (issue 12, item 5): a demand opened from the list keeps the list's
/// filters and sort, links its previous and next there, and after a decision the next record of that list opens and says what happened.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class DecisionThroughListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand submitted straight to the bureau in the test's own round.</summary>
    async Task<int> DemandAsync(int round, string title, string area = "新材料")
    {
        await using var db = host.App.CreateDbContext();
        var now = host.App.Clock.GetUtcNow();
        var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
        var demand = Demand.Start(round, host.Personas.UnitA, "annex2", 1, DemandKind.EnterpriseOwn, null, now);
        demand.SaveDraft("{}", new DemandSummary(title, area, "高分子材料", title), DemandKind.EnterpriseOwn, null, now);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        Assert.Null(demand.Submit(new FilingWindow(r.OpensAt, r.ClosesAt), [], new FilingActor("test", host.Personas.UnitA), now));
        await db.SaveChangesAsync(Ct);
        return demand.Id;
    }

    /// <summary>The link to a demand that the inbox page gives.</summary>
    static string LinkOf(string inbox, int id) =>
        Hrefs(inbox).Single(h => h.StartsWith($"/Demands/Details/{id}?", StringComparison.Ordinal));

    static IEnumerable<string> Hrefs(string page) => Href().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    static string? RelLink(string page, string rel) =>
        Regex.Match(page, $"<a [^>]*rel=\"{rel}\"[^>]*>") is { Success: true } a ? Hrefs(a.Value).Single() : null;

    [Fact]
    public async Task DemandOpenedFromTheInbox_LinksItsNeighboursInTheFilteredAndSortedList()
    {
        var round = await RoundAsync();
        var c = await DemandAsync(round, "列表需求C");
        var a = await DemandAsync(round, "列表需求A");
        await DemandAsync(round, "列表需求B其他领域", area: "生命健康");
        var b = await DemandAsync(round, "列表需求B");
        var staff = await host.App.SignedInAsync("staff");
        var inbox = await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Area={Uri.EscapeDataString("新材料")}&Filter.Sort=title", Ct);

        var link = LinkOf(inbox, b);
        Assert.Contains($"Filter.RoundId={round}", link);
        Assert.Contains("Filter.Sort=title", link);
        var page = await staff.GetStringAsync(link, Ct);

        // A < B < C; the demand of the other area is not in this list.
        Assert.Contains("第2项，共3项", page);
        Assert.StartsWith($"/Demands/Details/{a}?", RelLink(page, "prev"));
        Assert.StartsWith($"/Demands/Details/{c}?", RelLink(page, "next"));
        Assert.Contains("Filter.Area=" + Uri.EscapeDataString("新材料"), RelLink(page, "next"));
        var first = await staff.GetStringAsync(RelLink(page, "prev")!, Ct);
        Assert.Null(RelLink(first, "prev"));
        Assert.Contains("第1项，共3项", first);
        // Back to the list keeps its filters and sort.
        var back = Hrefs(page).Single(h => h.StartsWith("/Inbox?", StringComparison.Ordinal));
        Assert.Contains($"Filter.RoundId={round}", back);
        Assert.Contains("Filter.Sort=title", back);
    }

    [Fact]
    public async Task Decision_InAList_OpensTheNextRecordOfThatListAndSaysWhatHappened()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "决定需求A");
        var second = await DemandAsync(round, "决定需求B");
        var staff = await host.App.SignedInAsync("staff");
        var inbox = await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Status=Submitted&Filter.Sort=title", Ct);
        var link = LinkOf(inbox, first);

        var decided = await staff.PostFormAsync(link.Replace("?", "?handler=Decide&"),
            new Dictionary<string, string> { ["Decision.Decision"] = "Accept" }, link);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var next = decided.Headers.Location!.OriginalString;
        // The next one of the list as it stood, though the decision took the first out of a list of submitted demands.
        Assert.StartsWith($"/Demands/Details/{second}?", next);
        Assert.Contains("Filter.Status=Submitted", next);
        Assert.Contains($"Filter.RoundId={round}", next);
        var page = await staff.GetStringAsync(next, Ct);
        Assert.Contains("《决定需求A》：已受理入库", page);
        Assert.Contains("已为您打开列表中的下一项。", page);
        Assert.Contains("第1项，共1项", page);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Accepted, (await db.Demands.SingleAsync(d => d.Id == first, Ct)).Status);
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.SingleAsync(d => d.Id == second, Ct)).Status);
    }

    [Fact]
    public async Task Decision_OnTheLastOfTheList_StaysOnItAndSaysItWasTheLast()
    {
        var round = await RoundAsync();
        await DemandAsync(round, "末项需求A");
        var last = await DemandAsync(round, "末项需求B");
        var staff = await host.App.SignedInAsync("staff");
        var inbox = await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Sort=title", Ct);
        var link = LinkOf(inbox, last);

        var decided = await staff.PostFormAsync(link.Replace("?", "?handler=Decide&"),
            new Dictionary<string, string> { ["Decision.Decision"] = "Return", ["Decision.Reason"] = "请补充指标" }, link);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.StartsWith($"/Demands/Details/{last}?", decided.Headers.Location!.OriginalString);
        var page = await staff.GetStringAsync(decided.Headers.Location!.OriginalString, Ct);
        Assert.Contains("《末项需求B》：已退回修改", page);
        Assert.Contains("这是列表中的最后一项。", page);
    }

    [Fact]
    public async Task Decision_Refused_KeepsTheListAndTheRecord()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "拒绝需求A");
        await DemandAsync(round, "拒绝需求B");
        var staff = await host.App.SignedInAsync("staff");
        var inbox = await staff.GetStringAsync($"/Inbox?Filter.RoundId={round}&Filter.Sort=title", Ct);
        var link = LinkOf(inbox, first);

        // Returning without a reason is refused: the page stays on this demand, in its list.
        var refused = await staff.PostFormAsync(link.Replace("?", "?handler=Decide&"),
            new Dictionary<string, string> { ["Decision.Decision"] = "Return" }, link);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("第1项，共2项", page);
        Assert.NotNull(RelLink(page, "next"));
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.SingleAsync(d => d.Id == first, Ct)).Status);
    }

    [Fact]
    public async Task DemandOpenedOutsideAList_HasNoListLinks_AndADecisionStaysOnIt()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var staff = await host.App.SignedInAsync("staff");

        var page = await staff.GetStringAsync($"/Demands/Details/{id}", Ct);
        Assert.DoesNotContain("data-testid=\"list-nav\"", page);
        Assert.DoesNotContain("不是此项的有效值", WebUtility.HtmlDecode(page)); // nothing of the list is read from the page's own route values
        var decided = await staff.PostFormAsync($"/Demands/Details/{id}?handler=Decide",
            new Dictionary<string, string> { ["Decision.Decision"] = "Accept" }, $"/Demands/Details/{id}");

        Assert.Equal($"/Demands/Details/{id}", decided.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
