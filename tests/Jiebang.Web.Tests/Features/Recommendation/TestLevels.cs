using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Tests.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>
/// A county science bureau under its city's bureau, each with its own recommenders, made by the test
/// that reads them. Each test names its own prefecture, so tests sharing a database never share a city.
/// </summary>
public static class TestLevels
{
    public sealed record Levels(int County, int City, string CountyUser, string CityUser, string CityUser2);

    public static async Task<Levels> CountyUnderCityAsync(JiebangFactory app, string countyCode, string cityCode)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        Unit Bureau(string name, string region)
        {
            var unit = new Unit
            {
                Name = $"{name}（{tag}）", Uscc = ("11" + region + tag + "0000").ToUpperInvariant()[..18], Type = UnitType.ScienceBureau,
                RegionCode = region, Status = UnitStatus.Approved,
            };
            db.Units.Add(unit);
            return unit;
        }
        var county = Bureau("测试县科技局", countyCode);
        var city = Bureau("测试市科技局", cityCode);
        await db.SaveChangesAsync();
        var levels = new Levels(county.Id, city.Id, $"county-{tag}", $"city-{tag}", $"city2-{tag}");
        foreach (var (name, unit) in new[] { (levels.CountyUser, county), (levels.CityUser, city), (levels.CityUser2, city) })
        {
            var user = new JiebangUser { UserName = name, UnitId = unit.Id, FullName = name };
            var created = await users.CreateAsync(user, Personas.Password);
            if (!created.Succeeded) throw new InvalidOperationException(created.Errors.First().Description);
            await users.AddToRoleAsync(user, Roles.Recommender);
        }
        return levels;
    }

    /// <summary>The call's settings changed by the test: a quota, an incentive quota, a recommenders' deadline.</summary>
    public static async Task SetAsync(JiebangFactory app, int roundId, Func<RoundSettings, RoundSettings> change,
        IReadOnlyList<RoundStage>? stages = null)
    {
        await using var db = app.CreateDbContext();
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId);
        round.Settings = change(round.Settings);
        if (stages is not null) round.Stages = stages.ToList();
        await db.SaveChangesAsync();
    }

    /// <summary>A complete proposal of applicant A in the call's category, submitted through <paramref name="recommender"/>.</summary>
    public static async Task<int> SubmittedAsync(HttpClient applicant, int roundId, int recommender, string name, string subsidy = "40")
    {
        var started = await applicant.PostAsJsonAsync("/api/proposals", new { roundId, category = "科技成果转移转化" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var values = TestCalls.CompleteValues(name, content: $"{name}：研究工艺路线并建立示范线，编号{Guid.NewGuid():N}。");
        var self = (100m - decimal.Parse(subsidy, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["subsidyRequested"] = subsidy;
        values["selfFunding"] = self;
        values["budgetRows"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["category"] = "equipment", ["subsidy"] = subsidy, ["selfFunded"] = self, ["indirect"] = "no" });
        (await applicant.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = recommender })).EnsureSuccessStatusCode();
        var submitted = await applicant.PostAsync($"/api/proposals/{id}/submit", null);
        if (!submitted.IsSuccessStatusCode) throw new InvalidOperationException(await submitted.Content.ReadAsStringAsync());
        return id;
    }
}
