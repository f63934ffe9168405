using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Features.Recommendation;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>
/// The app with the personas and annex 4's levels: Longquan's science bureau (a county, level 1) under Lishui's
/// (the city that holds the quota, level 2), and Liandu's, a county of another unit. Each has one recommender.
/// Each test opens its own call with the 2024 preset round's numbers, so quotas and deadlines touch no other test.
/// </summary>
public sealed class BatchHost : IAsyncLifetime
{
    readonly AppWithPersonas _host = new();
    public JiebangFactory App => _host.App;
    public Personas Personas => _host.Personas;
    public int County { get; private set; }
    public int City { get; private set; }
    public int OtherCounty { get; private set; }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        async Task<int> BureauAsync(string name, string uscc, string region, string user)
        {
            var unit = new Unit
            {
                Name = name, Uscc = uscc, Type = UnitType.ScienceBureau, RegionCode = region, Status = UnitStatus.Approved,
                ContactName = "联系人", ContactPhoneProtected = personal.Protect("13905781234"),
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var person = new JiebangUser { UserName = user, UnitId = unit.Id, FullName = user };
            var created = await users.CreateAsync(person, Personas.Password);
            if (!created.Succeeded) throw new InvalidOperationException(created.Errors.First().Description);
            await users.AddToRoleAsync(person, Roles.Recommender);
            return unit.Id;
        }
        County = await BureauAsync("龙泉市科学技术局", "11331181002500001A", "331181", "county-rec");
        City = await BureauAsync("丽水市科学技术局", "11331100002500002B", "331100", "city-rec");
        OtherCounty = await BureauAsync("莲都区科学技术局", "11331102002500003C", "331102", "other-rec");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A call of the test's own with the 2024 preset's window, forms, settings (caps, quotas) and recommenders' deadline.</summary>
    public async Task<int> CallAsync()
    {
        await using var db = App.CreateDbContext();
        var preset = RoundPresets.CentralGuidanceFund2024;
        var now = App.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试：" + preset.Title, Kind = preset.Kind, OpensAt = preset.OpensAt, ClosesAt = preset.ClosesAt,
            Forms = [.. preset.Forms], Stages = [.. preset.Stages], TaxonomyKey = preset.TaxonomyKey, Settings = preset.Settings,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    /// <summary>
    /// A proposal of enterprise A filed through the county (or <paramref name="through"/>) and submitted; enterprise-led,
    /// self-funding four times the subsidy.
    /// </summary>
    public async Task<int> SubmittedAsync(int roundId, string name, decimal subsidyWan, int? through = null)
    {
        var client = await App.SignedInAsync("applicant-a");
        var started = await client.PostAsJsonAsync("/api/proposals", new { roundId, category = "科技成果转移转化" }, Ct);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var values = Proposals.TestCalls.CompleteValues(name);
        // The preset's form (proposal@2) asks about the leader's other projects.
        values["leaderOngoingCentralGuidance"] = "no";
        values["leaderProvincialThisYear"] = "no";
        var self = subsidyWan * 4;
        values["totalBudget"] = (subsidyWan + self).ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["subsidyRequested"] = subsidyWan.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["selfFunding"] = self.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = values["subsidyRequested"]!.ToString(), ["selfFunded"] = subsidyWan.ToString(System.Globalization.CultureInfo.InvariantCulture), ["indirect"] = "no" },
            new JsonObject { ["category"] = "labour", ["subsidy"] = "0", ["selfFunded"] = (self - subsidyWan).ToString(System.Globalization.CultureInfo.InvariantCulture), ["indirect"] = "no" });
        var saved = await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = through ?? County }, Ct);
        saved.EnsureSuccessStatusCode();
        var submitted = await client.PostAsync($"/api/proposals/{id}/submit", null, Ct);
        if (!submitted.IsSuccessStatusCode) throw new InvalidOperationException(await submitted.Content.ReadAsStringAsync(Ct));
        return id;
    }

    /// <summary>The level's recommender recommends the proposal through the use case, as its decision page does.</summary>
    public async Task RecommendAsync(int proposalId, int levelUnitId, string userName)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var actor = new Actor(user.Id, userName, levelUnitId, new HashSet<string> { Roles.Recommender });
        var outcome = await scope.ServiceProvider.GetRequiredService<RecommendProposal>()
            .HandleAsync(actor, proposalId, new RecommendProposal.Input { Opinion = "同意推荐。" }, Ct);
        if (!outcome.Succeeded) throw new InvalidOperationException(string.Join("; ", outcome.Errors));
    }
}
