using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>Demand rounds of a test's own, filled with demands the demo enterprise has filed, so that a test's lists hold only what it made.</summary>
public static class DemoRounds
{
    /// <summary>Demands of the areas of new materials, one a title.</summary>
    public static IReadOnlyList<DemandSummary> Titled(params string[] titles) =>
        [.. titles.Select(title => new DemandSummary(title, "新材料", "高分子材料", title))];

    /// <summary>
    /// A round open since yesterday with the demands submitted in it, a minute apart in their order: straight to the bureau, or
    /// through the recommending unit of <paramref name="throughUser"/> when one is named.
    /// </summary>
    public static async Task<int> WithDemandsAsync(LiveApp app, string roundTitle, IReadOnlyList<DemandSummary> summaries,
        string? throughUser = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = DateTimeOffset.UtcNow;
        var round = new Round
        {
            Title = roundTitle, Kind = Domain.Rounds.RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10),
            Forms = ["annex2@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var owner = await db.Units.Where(u => u.Name == "龙泉示例汽车空调配件有限公司").Select(u => u.Id).SingleAsync();
        var through = throughUser is null ? (int?)null : await db.Users.Where(u => u.UserName == throughUser).Select(u => u.UnitId).SingleAsync();
        var kind = through is null ? DemandKind.EnterpriseOwn : DemandKind.IndustryCommon;
        var demands = summaries.Select((summary, i) =>
        {
            var filedAt = now.AddMinutes(i - summaries.Count);
            var demand = Demand.Start(round.Id, owner, "annex2", 1, kind, through, filedAt);
            demand.SaveDraft("{}", summary, kind, through, filedAt);
            return demand;
        }).ToList();
        db.Demands.AddRange(demands);
        await db.SaveChangesAsync();
        foreach (var demand in demands)
            Assert.Null(demand.Submit(new FilingWindow(round.OpensAt, round.ClosesAt), [], new FilingActor("test", owner), demand.UpdatedAt));
        await db.SaveChangesAsync();
        return round.Id;
    }
}
