using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level's batches and the proposals they can hold: the one load-and-check of a batch (a batch of another
/// unit is not found, so ids cannot be probed) and the rows every batch page, export and letter reads.
/// </summary>
public sealed class ProposalBatchStore(JiebangDbContext db)
{
    /// <summary>
    /// A proposal as its level recommended it: its unit, name, category (or the item it takes up), the subsidy
    /// asked for as it stood when recommended, and whether it is on an incentive place; <see cref="Values"/> are
    /// its latest submitted version's (no personal field is read from them).
    /// </summary>
    public sealed record Row(int ProposalId, string Title, string UnitName, string Target, long SubsidyFen, bool Incentive,
        int? BatchId, JsonObject Values)
    {
        public decimal SubsidyWan => SubsidyFen / (decimal)QuotaStanding.FenPerWan;
        public string ProjectName => Text("projectName") is { Length: > 0 } name ? name : Title;
        public string LeadUnit => Text("applicantUnit") is { Length: > 0 } unit ? unit : UnitName;
        public string Content => Text("content") ?? "";
        public string Area => Values["areaDirection"] is JsonObject area
            ? string.Join("：", new[] { area["area"]?.ToString() ?? "", string.Join("、", (area["directions"] as JsonArray ?? []).Select(d => d?.ToString())) }
                .Where(s => s.Length > 0))
            : "";
        public decimal? SelfFundingWan => decimal.TryParse(Text("selfFunding"), NumberStyles.Number, CultureInfo.InvariantCulture, out var wan) ? wan : null;

        string? Text(string key) => Values[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>().Trim() : null;
    }

    public JiebangDbContext Db => db;

    /// <summary>A level acts through its recommenders: the unit the actor recommends for, or why not.</summary>
    public static Outcome<int> LevelOf(Actor actor)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        return actor.UnitId is { } unit && actor.RecommendsFor(unit) ? unit : AccessErrors.RecommenderOnly.At("");
    }

    /// <summary>The batch when the actor recommends for its unit; not found otherwise.</summary>
    public async Task<Outcome<ProposalBatch>> LoadForAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var batch = await db.ProposalBatches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return batch is not null && actor.RecommendsFor(batch.UnitId) ? batch : Outcome.NotFound();
    }

    /// <summary>
    /// The batch when the actor may read it: its own level's recommenders always; once submitted, whomever it was
    /// sent to (the recommenders of the level above it then, or bureau staff when it went to the bureau) [annex 4
    /// §4.2], as <see cref="ProposalBatch.SentToUnitId"/> keeps it. Every other reader, and a draft batch's receiver,
    /// finds nothing.
    /// </summary>
    public async Task<Outcome<ProposalBatch>> LoadToReadAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var batch = await db.ProposalBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null) return Outcome.NotFound();
        if (actor.RecommendsFor(batch.UnitId)) return batch;
        return await db.ProposalBatches.Where(b => b.Id == id).AnyAsync(ReachedBy(actor), cancellationToken) ? batch : Outcome.NotFound();
    }

    /// <summary>
    /// The submitted batches that reached the actor: sent to a unit it recommends for, or to the bureau when it is bureau
    /// staff. The read rule above and the received list both filter by it, so the two always agree.
    /// </summary>
    public static Expression<Func<ProposalBatch, bool>> ReachedBy(Actor actor)
    {
        var units = actor.Scope.RecommendsFor.ToList();
        var staff = actor.IsStaffOrAdmin;
        return b => b.SubmittedAt != null
            && ((staff && b.SentToUnitId == null) || (b.SentToUnitId != null && units.Contains(b.SentToUnitId.Value)));
    }

    /// <summary>The level's recommended proposals of the round still to forward, in this batch, another one or none.</summary>
    public Task<List<Row>> CandidatesAsync(int roundId, int unitId, CancellationToken cancellationToken) =>
        RowsAsync(db.ProposalLevels.Where(l => l.RoundId == roundId && l.UnitId == unitId
            && l.Decision == LevelDecision.Recommended && l.ForwardedAt == null), cancellationToken);

    /// <summary>What the batch holds (a submitted one: what it forwarded).</summary>
    public Task<List<Row>> InBatchAsync(ProposalBatch batch, CancellationToken cancellationToken) =>
        RowsAsync(db.ProposalLevels.Where(l => l.UnitId == batch.UnitId && l.BatchId == batch.Id), cancellationToken);

    async Task<List<Row>> RowsAsync(IQueryable<LevelRecommendation> query, CancellationToken cancellationToken)
    {
        var levels = await query.AsNoTracking().OrderBy(l => l.ProposalId).ToListAsync(cancellationToken);
        var ids = levels.Select(l => l.ProposalId).ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.OwnerUnitId, p.Category, p.GuidelineItemId }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var unitIds = proposals.Values.Select(p => p.OwnerUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var itemIds = proposals.Values.Select(p => p.GuidelineItemId).OfType<int>().Distinct().ToList();
        var items = await db.GuidelineItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var versions = (await db.ProposalVersions.AsNoTracking().Where(v => ids.Contains(v.FilingId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.FilingId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.ValuesJson);
        return [.. levels.Where(l => proposals.ContainsKey(l.ProposalId)).Select(l =>
        {
            var p = proposals[l.ProposalId];
            var values = versions.TryGetValue(p.Id, out var json) ? JsonNode.Parse(json) as JsonObject ?? [] : [];
            var target = p.GuidelineItemId is { } item ? items.GetValueOrDefault(item, "") : p.Category;
            return new Row(p.Id, p.Title, units.GetValueOrDefault(p.OwnerUnitId, ""), target, l.SubsidyFen, l.UsesIncentive, l.BatchId, values);
        })];
    }

    /// <summary>The stamped scans the batch has, by document; the latest of each.</summary>
    public async Task<IReadOnlyDictionary<BatchDocument, Attachment>> ScansAsync(int batchId, CancellationToken cancellationToken)
    {
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == nameof(ProposalBatch) && a.OwnerId == batchId)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var scans = new Dictionary<BatchDocument, Attachment>();
        foreach (var file in files)
            if (BatchDocuments.FromScanKind(file.Kind) is { } document) scans[document] = file;
        return scans;
    }

    /// <summary>Why the batch may not go up without the stamped scans it lacks, each named; empty when it has all three.</summary>
    public async Task<List<RuleError>> MissingScansAsync(int batchId, CancellationToken cancellationToken)
    {
        var scans = await ScansAsync(batchId, cancellationToken);
        return [.. BatchDocuments.All.Where(d => !scans.ContainsKey(d)).Select(d => BatchErrors.ScanMissing.At("scan." + d, d.Name()))];
    }
}
