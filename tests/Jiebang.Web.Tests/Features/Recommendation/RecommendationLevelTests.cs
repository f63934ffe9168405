using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Tests.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>A recommending level decides on what reached it, within its own quota [annex 4 §3.2, §4.2].</summary>
[Trait("Category", "Database")]
public sealed class RecommendationLevelTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    static RecommenderQuota CityQuota(string city, int limit) => new() { UnitClass = UnitType.ScienceBureau, RegionCode = city, Limit = limit };

    [Fact]
    public async Task Proposal_FiledThroughACounty_IsTheCountysAloneUntilForwarded_AndTheCountyHoldsNoCityQuota()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "331102", "331100");
        await TestLevels.SetAsync(host.App, call.RoundId, s => s with { Quotas = [CityQuota("331100", 1)] });
        var applicant = await host.App.SignedInAsync("applicant-a");
        var first = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.County, "县级推荐项目一");
        var second = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.County, "县级推荐项目二");

        var city = await host.App.SignedInAsync(levels.CityUser);
        Assert.Equal(HttpStatusCode.NotFound, (await city.PostAsJsonAsync($"/api/recommend/proposals/{first}/recommend", new { }, Ct)).StatusCode);
        Assert.Equal(0, (await city.GetFromJsonAsync<JsonElement>("/api/recommend/proposals", Ct)).GetArrayLength());

        var county = await host.App.SignedInAsync(levels.CountyUser);
        var queue = (await county.GetFromJsonAsync<JsonElement>("/api/recommend/proposals", Ct))[0];
        Assert.Equal(2, queue.GetProperty("proposals").GetArrayLength());
        Assert.StartsWith("测试市科技局", queue.GetProperty("above").GetString());
        Assert.Equal(JsonValueKind.Null, queue.GetProperty("quota").GetProperty("limit").ValueKind);
        // The city's quota of 1 binds the city, not the county under it: both go up from here.
        foreach (var id in new[] { first, second })
        {
            var recommended = await county.PostAsJsonAsync($"/api/recommend/proposals/{id}/recommend", new { opinion = "同意推荐" }, Ct);
            Assert.True(recommended.IsSuccessStatusCode, await recommended.Content.ReadAsStringAsync(Ct));
        }
        var again = await county.PostAsJsonAsync($"/api/recommend/proposals/{first}/recommend", new { }, Ct);
        Assert.Contains("RECOMMENDATION_ALREADY_DECIDED", await again.Content.ReadAsStringAsync(Ct));
        var audit = await host.App.CreateDbContext().AuditEntries.CountAsync(a => a.Action == "proposal.recommended" && a.EntityId == first.ToString(), Ct);
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Recommend_PastTheQuota_IsRefusedNamingIt_AndUndoGivesThePlaceBack()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "331002", "331000");
        await TestLevels.SetAsync(host.App, call.RoundId, s => s with { Quotas = [CityQuota("331000", 2)] });
        var applicant = await host.App.SignedInAsync("applicant-a");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, $"市级直接推荐项目{i}"));
        var city = await host.App.SignedInAsync(levels.CityUser);

        Assert.True((await city.PostAsJsonAsync($"/api/recommend/proposals/{ids[0]}/recommend", new { }, Ct)).IsSuccessStatusCode);
        var second = await Json(await city.PostAsJsonAsync($"/api/recommend/proposals/{ids[1]}/recommend", new { }, Ct));
        Assert.Equal(0, second.GetProperty("quota").GetProperty("left").GetInt32());
        var third = await city.PostAsJsonAsync($"/api/recommend/proposals/{ids[2]}/recommend", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        var problem = await third.Content.ReadAsStringAsync(Ct);
        Assert.Contains("RECOMMENDATION_QUOTA_FULL", problem);
        Assert.Contains("2", problem);

        Assert.True((await city.PostAsync($"/api/recommend/proposals/{ids[0]}/undo", null, Ct)).IsSuccessStatusCode);
        Assert.True((await city.PostAsJsonAsync($"/api/recommend/proposals/{ids[2]}/recommend", new { }, Ct)).IsSuccessStatusCode);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(2, (await db.QuotaUses.SingleAsync(u => u.RoundId == call.RoundId && u.UnitId == levels.City, Ct)).Used);
    }

    [Fact]
    public async Task Recommend_OnTheIncentiveQuota_CountsItemsAndAmountApartFromTheQuota()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330702", "330700");
        await TestLevels.SetAsync(host.App, call.RoundId, s => s with
        {
            Quotas = [CityQuota("330700", 1)],
            IncentiveQuotas = [new IncentiveQuota { RegionCode = "330700", Items = 2, AmountWan = 60m, Note = "2022年督查激励" }],
        });
        var applicant = await host.App.SignedInAsync("applicant-a");
        var a = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "激励项目甲", subsidy: "30");
        var b = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "激励项目乙", subsidy: "30.01");
        var c = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "普通项目丙", subsidy: "30");
        var city = await host.App.SignedInAsync(levels.CityUser);

        var first = await Json(await city.PostAsJsonAsync($"/api/recommend/proposals/{a}/recommend", new { incentive = true }, Ct));
        Assert.Equal(1, first.GetProperty("quota").GetProperty("incentive").GetProperty("itemsUsed").GetInt32());
        Assert.Equal(0, first.GetProperty("quota").GetProperty("used").GetInt32());
        // 30 + 30.01 is 100 元 over 60 万元.
        var over = await city.PostAsJsonAsync($"/api/recommend/proposals/{b}/recommend", new { incentive = true }, Ct);
        Assert.Contains("RECOMMENDATION_INCENTIVE_AMOUNT_EXCEEDED", await over.Content.ReadAsStringAsync(Ct));
        Assert.True((await city.PostAsJsonAsync($"/api/recommend/proposals/{c}/recommend", new { }, Ct)).IsSuccessStatusCode);
        Assert.Contains("RECOMMENDATION_QUOTA_FULL",
            await (await city.PostAsJsonAsync($"/api/recommend/proposals/{b}/recommend", new { }, Ct)).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Reject_NeedsAReason_StopsTheProposal_AndTheApplicantReadsIt()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330502", "330500");
        var applicant = await host.App.SignedInAsync("applicant-a");
        var id = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.County, "不予推荐的项目");
        var county = await host.App.SignedInAsync(levels.CountyUser);

        var bare = await county.PostAsJsonAsync($"/api/recommend/proposals/{id}/reject", new { }, Ct);
        Assert.Contains("PROPOSAL_REASON_REQUIRED", await bare.Content.ReadAsStringAsync(Ct));
        var rejected = await county.PostAsJsonAsync($"/api/recommend/proposals/{id}/reject", new { reason = "与本县产业方向不符" }, Ct);
        Assert.Equal("Rejected", (await Json(rejected)).GetProperty("status").GetString());
        var seen = await applicant.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}", Ct);
        Assert.Equal("Rejected", seen.GetProperty("status").GetString());
        Assert.Contains(seen.GetProperty("history").EnumerateArray(), e => e.GetProperty("reason").GetString() == "与本县产业方向不符");
    }

    [Fact]
    public async Task Recommend_ByAnotherUnitOrAfterTheRecommendersDeadline_IsRefused()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330802", "330800");
        var applicant = await host.App.SignedInAsync("applicant-a");
        var id = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.County, "截止后推荐的项目");

        var association = await host.App.SignedInAsync("recommender");
        Assert.Equal(HttpStatusCode.NotFound, (await association.PostAsJsonAsync($"/api/recommend/proposals/{id}/recommend", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await association.PostAsync($"/api/recommend/proposals/{id}/undo", null, Ct)).StatusCode);

        var now = host.App.Clock.GetUtcNow();
        await TestLevels.SetAsync(host.App, call.RoundId, s => s,
            [new RoundStage(RoundStageKind.Recommendation, null, now.AddMinutes(-1))]);
        var county = await host.App.SignedInAsync(levels.CountyUser);
        var late = await county.PostAsJsonAsync($"/api/recommend/proposals/{id}/recommend", new { }, Ct);
        Assert.Contains("ROUND_STAGE_CLOSED", await late.Content.ReadAsStringAsync(Ct));
    }
}
