using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A decision names itself; twin decisions and twin batches leave one result and nothing half-written (issue 10, finding 7).</summary>
[Trait("Category", "Database")]
public sealed class DecisionRaceTests : IAsyncLifetime
{
    readonly AppWithPersonas host = new();

    public ValueTask InitializeAsync() => host.InitializeAsync();
    public ValueTask DisposeAsync() => host.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decision_WithoutItsField_IsRefused_AndTheDemandStaysWhereItWas()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var staff = await host.App.SignedInAsync("staff");

        var answer = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { reason = "" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var finding = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings")[0];
        Assert.Equal("DEMAND_DECISION_REQUIRED", finding.GetProperty("code").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.SingleAsync(d => d.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task TwinBatchSends_SendEachDemandOnce_AndLeaveNoEmptyBatch()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30));
        var recommender = await host.App.SignedInAsync("recommender");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
            var screened = await recommender.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);
            Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync(Ct));
            ids.Add(id);
        }
        var twin = await host.App.SignedInAsync("recommender");

        var answers = await Task.WhenAll(
            recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = round, opinion = "同意报送。" }, Ct),
            twin.PostAsJsonAsync("/api/recommendation-batches", new { roundId = round, opinion = "同意报送。" }, Ct));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        await using var db = host.App.CreateDbContext();
        var batches = await db.RecommendationBatches.Where(b => b.RoundId == round).ToListAsync(Ct);
        var batch = Assert.Single(batches);
        var demands = await db.Demands.Where(d => ids.Contains(d.Id)).ToListAsync(Ct);
        Assert.All(demands, d => Assert.Equal((DemandStatus.ForwardedToBureau, batch.Id), (d.Status, d.BatchId!.Value)));
    }
}
