using System.Net;
using System.Net.Http.Json;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>The recommenders' deadline binds them: past it they neither screen nor send a batch (issue 8, item 10).</summary>
[Trait("Category", "Database")]
public sealed class RecommenderDeadlineTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundWithRecommendationClosingInAsync(TimeSpan closesIn)
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30));
        await using var db = host.App.CreateDbContext();
        var stored = await db.Rounds.SingleAsync(r => r.Id == round, Ct);
        stored.Stages = [new RoundStage(RoundStageKind.Recommendation, null, host.App.Clock.GetUtcNow() + closesIn)];
        await db.SaveChangesAsync(Ct);
        return round;
    }

    [Fact]
    public async Task Screen_AfterTheRecommendersDeadline_IsRefusedAndNothingMoves()
    {
        var round = await RoundWithRecommendationClosingInAsync(TimeSpan.FromHours(-1));
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
        var recommender = await host.App.SignedInAsync("recommender");

        var answer = await recommender.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("ROUND_STAGE_CLOSED", await answer.Content.ReadAsStringAsync(Ct));
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.SingleAsync(d => d.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Batch_BeforeTheRecommendersDeadline_IsSent_AndAfterItIsRefused()
    {
        var open = await RoundWithRecommendationClosingInAsync(TimeSpan.FromDays(2));
        var closed = await RoundWithRecommendationClosingInAsync(TimeSpan.FromDays(2));
        var recommender = await host.App.SignedInAsync("recommender");
        foreach (var round in new[] { open, closed })
        {
            var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
            (await recommender.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct)).EnsureSuccessStatusCode();
        }
        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.Rounds.SingleAsync(r => r.Id == closed, Ct);
            stored.Stages = [new RoundStage(RoundStageKind.Recommendation, null, host.App.Clock.GetUtcNow().AddMinutes(-1))];
            await db.SaveChangesAsync(Ct);
        }

        var sent = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = open, opinion = "同意报送。" }, Ct);
        var late = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = closed, opinion = "同意报送。" }, Ct);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("ROUND_STAGE_CLOSED", await late.Content.ReadAsStringAsync(Ct));
    }
}
