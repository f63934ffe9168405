using System.Net;
using Jiebang.Domain.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>
/// Staff decide on demands while working through the inbox (issue 12, item 5): a demand opened from the list keeps the list's
/// filters and sort, links its previous and next there, and after a decision the next record of that list opens and says what happened.
/// </summary>
[Trait("Category", "Database")]
public sealed class DecisionThroughListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand submitted straight to the bureau in the test's own round.</summary>
    Task<int> DemandAsync(int round, string title, string area = "新材料") =>
        TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, roundId: round, title: title, area: area);

    async Task<ListWalk> InboxAsync() => new(await host.App.SignedInAsync("staff"), "/Inbox", "Filter");

    [Fact]
    public async Task DemandOpenedFromTheInbox_LinksItsNeighboursInTheFilteredAndSortedList()
    {
        var round = await RoundAsync();
        var c = await DemandAsync(round, "列表需求C");
        var a = await DemandAsync(round, "列表需求A");
        await DemandAsync(round, "列表需求B其他领域", area: "生命健康");
        var b = await DemandAsync(round, "列表需求B");
        var inbox = await InboxAsync();

        // A < B < C; the demand of the other area is not in this list.
        await inbox.ExpectNeighboursAsync(round, a, b, c, ("Area", "新材料"));
    }

    [Fact]
    public async Task Decision_InAList_OpensTheNextRecordOfThatListAndSaysWhatHappened()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "决定需求A");
        var second = await DemandAsync(round, "决定需求B");
        var inbox = await InboxAsync();

        await inbox.ExpectAcceptingOpensTheNextAsync(round, first, second, "《决定需求A》：已受理入库");

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
        var inbox = await InboxAsync();

        await inbox.ExpectReturningTheLastStaysOnItAsync(round, last, "请补充指标", "《末项需求B》：已退回修改");
    }

    [Fact]
    public async Task Decision_Refused_KeepsTheListAndTheRecord()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "拒绝需求A");
        await DemandAsync(round, "拒绝需求B");
        var inbox = await InboxAsync();
        var link = await inbox.LinkAsync(first, round);

        // Returning without a reason is refused: the page stays on this demand, in its list.
        var refused = await inbox.DecideAsync(link, "Return");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("第1项，共2项", page);
        Assert.NotNull(ListWalk.RelLink(page, "next"));
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
}
