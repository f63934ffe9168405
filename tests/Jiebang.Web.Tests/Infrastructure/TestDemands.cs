using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>Demands made straight through the domain, for tests about who may reach them.</summary>
public static class TestDemands
{
    /// <summary>A demand submitted straight to the bureau, or through the recommending unit when one is named.</summary>
    public static async Task<int> SubmittedAsync(JiebangFactory app, int ownerUnitId, int? recommenderUnitId = null, int? roundId = null,
        string title = "测试需求", string area = "新材料") =>
        await MakeAsync(app, ownerUnitId, recommenderUnitId, submit: true, roundId, title, area);

    /// <summary>A demand its unit has saved and never submitted.</summary>
    public static async Task<int> DraftAsync(JiebangFactory app, int ownerUnitId, int? recommenderUnitId = null) =>
        await MakeAsync(app, ownerUnitId, recommenderUnitId, submit: false);

    static async Task<int> MakeAsync(JiebangFactory app, int ownerUnitId, int? recommenderUnitId, bool submit, int? roundId = null,
        string title = "测试需求", string area = "新材料")
    {
        await using var db = app.CreateDbContext();
        var round = roundId is { } id ? await db.Rounds.SingleAsync(r => r.Id == id)
            : await db.Rounds.SingleAsync(r => r.PresetKey == "longquan-demand-2024");
        // Inside the round's window, which may have closed since.
        var now = app.Clock.GetUtcNow() < round.ClosesAt ? app.Clock.GetUtcNow() : round.ClosesAt.AddHours(-1);
        var kind = recommenderUnitId is null ? DemandKind.EnterpriseOwn : DemandKind.IndustryCommon;
        var demand = Demand.Start(round.Id, ownerUnitId, "annex2", 1, kind, recommenderUnitId, now);
        demand.SaveDraft($$"""{"demandName":"{{title}}"}""", new DemandSummary(title, area, "高分子材料", title), kind, recommenderUnitId, now);
        db.Demands.Add(demand);
        await db.SaveChangesAsync();
        if (!submit) return demand.Id;
        var refused = demand.Submit(new FilingWindow(round.OpensAt, round.ClosesAt), [], new FilingActor("test", ownerUnitId), now);
        if (refused is not null) throw new InvalidOperationException(refused.ToString());
        await db.SaveChangesAsync();
        return demand.Id;
    }
}

/// <summary>Demand rounds of a test's own, so that their settings and deadlines touch no other test.</summary>
public static class TestRounds
{
    /// <param name="now">What the offsets count from: the app's fake clock unless given (an app process runs on the wall clock).</param>
    public static async Task<int> DemandRoundAsync(JiebangFactory app, TimeSpan opensIn, TimeSpan closesIn,
        Domain.Rounds.RoundSettings? settings = null, DateTimeOffset? now = null)
    {
        await using var db = app.CreateDbContext();
        var from = now ?? app.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试批次", Kind = Domain.Rounds.RoundKind.DemandSolicitation, OpensAt = from + opensIn, ClosesAt = from + closesIn,
            Forms = ["annex1@1", "annex2@1", "annex3@1"], TaxonomyKey = "longquan-2024", Settings = settings ?? new(),
            CreatedAt = from, UpdatedAt = from,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }
}
