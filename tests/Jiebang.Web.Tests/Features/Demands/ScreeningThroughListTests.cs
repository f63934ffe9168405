using Jiebang.Domain.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>
/// A recommending unit screens the demands sent through it while working through its own list (issue 12, item 5): a demand
/// opened from the list keeps the list's filters and sort, links its previous and next there, and after a decision the next
/// record of that list opens and says what happened. No one else gets the list's links from its parameters.
/// </summary>
[Trait("Category", "Database")]
public sealed class ScreeningThroughListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand of unit A submitted through the association in the test's own round.</summary>
    Task<int> DemandAsync(int round, string title) =>
        TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round, title);

    async Task<ListWalk> ScreeningListAsync() => new(await host.App.SignedInAsync("recommender"), "/Recommend", "Queue");

    [Fact]
    public async Task DemandOpenedFromTheScreeningList_LinksItsNeighboursInTheFilteredAndSortedList()
    {
        var round = await RoundAsync();
        var c = await DemandAsync(round, "遴选需求C");
        var a = await DemandAsync(round, "遴选需求A");
        var b = await DemandAsync(round, "遴选需求B");
        await DemandAsync(await RoundAsync(), "遴选需求B另一批次");
        var list = await ScreeningListAsync();

        // A < B < C; the demand of the other round is not in this list.
        var page = await list.ExpectNeighboursAsync(round, a, b, c);

        Assert.Contains("返回需求遴选列表", page);
    }

    [Fact]
    public async Task Screening_InTheList_OpensTheNextRecordOfThatListAndSaysWhatHappened()
    {
        var round = await RoundAsync();
        var first = await DemandAsync(round, "推荐需求A");
        var second = await DemandAsync(round, "推荐需求B");
        var list = await ScreeningListAsync();

        await list.ExpectAcceptingOpensTheNextAsync(round, first, second, "《推荐需求A》：已同意推荐");

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
        var list = await ScreeningListAsync();

        await list.ExpectReturningTheLastStaysOnItAsync(round, last, "请补充技术指标", "《末项遴选B》：已退回修改");
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
}
