using System.Net;
using System.Net.Http.Json;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Tests.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>Two of a level's staff recommending at the same moment cannot go over its quota [annex 4 §3.2].</summary>
[Trait("Category", "Database")]
public sealed class QuotaRaceTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyConcurrentRecommendations_AgainstAQuotaOfTen_LeaveExactlyTen()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330302", "330300");
        await TestLevels.SetAsync(host.App, call.RoundId, s => s with
        {
            Quotas = [new RecommenderQuota { UnitClass = UnitType.ScienceBureau, RegionCode = "330300", Limit = 10, Note = "温州市" }],
        });
        var applicant = await host.App.SignedInAsync("applicant-a");
        var ids = new List<int>();
        for (var i = 0; i < 50; i++) ids.Add(await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, $"限项竞争项目{i:D2}"));
        var staff = new[] { await host.App.SignedInAsync(levels.CityUser), await host.App.SignedInAsync(levels.CityUser2) };

        using var start = new SemaphoreSlim(0);
        var requests = ids.Select(async (id, i) =>
        {
            await start.WaitAsync(Ct);
            return await staff[i % 2].PostAsJsonAsync($"/api/recommend/proposals/{id}/recommend", new { }, Ct);
        }).ToList();
        start.Release(ids.Count);
        var responses = await Task.WhenAll(requests);

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(10, responses.Count(r => r.IsSuccessStatusCode));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode).Zip(bodies.Where((_, i) => !responses[i].IsSuccessStatusCode)), pair =>
        {
            Assert.Equal(HttpStatusCode.Conflict, pair.First.StatusCode);
            Assert.Contains("RECOMMENDATION_QUOTA_FULL", pair.Second);
        });
        await using var db = host.App.CreateDbContext();
        Assert.Equal(10, await db.ProposalLevels.CountAsync(l => l.UnitId == levels.City && l.Decision == LevelDecision.Recommended, Ct));
        Assert.Equal(10, (await db.QuotaUses.SingleAsync(u => u.RoundId == call.RoundId && u.UnitId == levels.City, Ct)).Used);
    }
}
