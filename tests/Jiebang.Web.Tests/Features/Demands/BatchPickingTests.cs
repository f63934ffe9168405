using System.Net;
using System.Net.Http.Json;
using Jiebang.Domain.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A recommending unit picks which of its screened-in demands go in a batch; the others wait for a later one.</summary>
[Trait("Category", "Database")]
public sealed class BatchPickingTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A round of the test's own with <paramref name="count"/> demands sent through the association and screened in.</summary>
    async Task<(int Round, int[] Demands, HttpClient Recommender)> ScreenedInAsync(int count)
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(10));
        var recommender = await host.App.SignedInAsync("recommender");
        var demands = new int[count];
        for (var i = 0; i < count; i++)
        {
            demands[i] = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
            var decided = await recommender.PostAsJsonAsync($"/api/demands/{demands[i]}/decision", new { decision = "Accept" }, Ct);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
        return (round, demands, recommender);
    }

    async Task<(DemandStatus Status, int? Batch)> StateAsync(int id)
    {
        await using var db = host.App.CreateDbContext();
        var demand = await db.Demands.Where(d => d.Id == id).Select(d => new { d.Status, d.BatchId }).SingleAsync(Ct);
        return (demand.Status, demand.BatchId);
    }

    [Fact]
    public async Task BatchFromThePage_OneOfTwoPicked_SendsThatOne_AndTheOtherWaitsForTheNextBatch()
    {
        var (round, demands, recommender) = await ScreenedInAsync(2);
        var page = await recommender.GetStringAsync("/Recommend", Ct);
        Assert.All(demands, id => Assert.Contains($"name=\"Batch.DemandIds\" value=\"{id}\" id=\"pick-{id}\" checked=\"checked\"", page));

        var sent = await recommender.PostFormAsync("/Recommend?handler=Batch", new Dictionary<string, string>
        {
            ["Batch.RoundId"] = round.ToString(), ["Batch.Opinion"] = "同意推荐第一项。", ["Batch.DemandIds"] = demands[0].ToString(),
        }, "/Recommend");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var first = await StateAsync(demands[0]);
        Assert.Equal(DemandStatus.ForwardedToBureau, first.Status);
        Assert.NotNull(first.Batch);
        Assert.Equal((DemandStatus.Recommended, (int?)null), await StateAsync(demands[1]));

        var later = await recommender.PostFormAsync("/Recommend?handler=Batch", new Dictionary<string, string>
        {
            ["Batch.RoundId"] = round.ToString(), ["Batch.Opinion"] = "同意推荐第二项。", ["Batch.DemandIds"] = demands[1].ToString(),
        }, "/Recommend");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var second = await StateAsync(demands[1]);
        Assert.Equal(DemandStatus.ForwardedToBureau, second.Status);
        Assert.NotEqual(first.Batch, second.Batch);
    }

    [Fact]
    public async Task BatchFromThePage_NothingTicked_SendsNothingAndSaysSo()
    {
        var (round, demands, recommender) = await ScreenedInAsync(1);
        var response = await recommender.PostFormAsync("/Recommend?handler=Batch", new Dictionary<string, string>
        {
            ["Batch.RoundId"] = round.ToString(), ["Batch.Opinion"] = "同意推荐。",
        }, "/Recommend");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请至少勾选一项要报送的需求。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal((DemandStatus.Recommended, (int?)null), await StateAsync(demands[0]));
    }

    [Fact]
    public async Task BatchFromTheApi_PickedDemandNotScreenedIn_IsRefusedWhole()
    {
        var (round, demands, recommender) = await ScreenedInAsync(1);
        var notScreened = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
        var response = await recommender.PostAsJsonAsync("/api/recommendation-batches",
            new { roundId = round, opinion = "同意推荐。", demandIds = new[] { demands[0], notScreened } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("BATCH_DEMAND_NOT_READY", body);
        Assert.Contains($"需求 {notScreened} 不能放入本批", body);
        Assert.Equal((DemandStatus.Recommended, (int?)null), await StateAsync(demands[0]));

        var all = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = round, opinion = "同意推荐。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, all.StatusCode); // without a list, every screened-in demand goes, as before
        Assert.Equal(DemandStatus.ForwardedToBureau, (await StateAsync(demands[0])).Status);
        Assert.Equal(DemandStatus.Submitted, (await StateAsync(notScreened)).Status);
    }
}
