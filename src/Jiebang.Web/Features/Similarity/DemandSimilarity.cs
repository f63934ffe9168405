using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Similarity;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Similarity;

/// <summary>
/// 查重 for demands [annex 4 §3.1.3: no double funding of the same or similar content under another
/// name, year or department]: a submitted version is indexed, and what resembles it is reported to
/// the filer (without other units' content) and, ranked with evidence, to the bureau.
/// </summary>
public sealed class DemandSimilarity(DemandStore store, SimilarityService similarity, TimeProvider clock)
{
    public const string DemandSource = "Demand";
    public const string HistoricalSource = "Historical";
    public const string ProposalSource = "Proposal";

    /// <summary>
    /// One similar record: <paramref name="Flagged"/> when the round's rule reports it (score, or a shared
    /// passage of <paramref name="Passage"/> 字); the others are the nearest records shown to staff only.
    /// </summary>
    /// <param name="Resemblance">The share of the two texts' content that is the same (weighted Jaccard, phrasing many records share not counted).</param>
    /// <param name="Containment">The share of the shorter text's content found in the other.</param>
    /// <param name="ThisIsShorter">Whether the checked text is the shorter one, whose share <paramref name="Containment"/> is.</param>
    /// <param name="Hidden">A record the reader may not open (a recommending unit reading another unit's record): no title, unit or text.</param>
    public sealed record Similar(long RecordId, string SourceType, int? SourceId, string Title, string UnitName, int? Year,
        double Score, double Containment, bool SameUnit, bool OtherChannel, bool Flagged, int Passage,
        double Resemblance = 0, bool ThisIsShorter = false, bool Hidden = false);

    /// <summary>Indexes the demand's latest version and answers with what the round's rule flags.</summary>
    public async Task<IReadOnlyList<Similar>> IndexSubmittedAsync(DemandStore.Loaded loaded, CancellationToken cancellationToken = default)
    {
        var demand = loaded.Demand;
        var version = demand.LatestVersion ?? throw new InvalidOperationException("not submitted");
        var values = JsonNode.Parse(version.ValuesJson) as JsonObject ?? [];
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == demand.OwnerUnitId, cancellationToken);
        return await IndexAndFlagAsync(new SimilarityRecord
        {
            SourceType = DemandSource, SourceId = demand.Id, Title = demand.Title, UnitName = unit.Name, UnitId = unit.Id,
            Year = loaded.Round.OpensAt.Year, Channel = ChannelOf(demand), Text = FilingText.Of(loaded.Form, values),
            Sketch = [], IndexedAt = clock.GetUtcNow(),
        }, loaded.Round, cancellationToken);
    }

    /// <summary>
    /// Indexes (or replaces) the record of any submitted filing — a demand, a proposal — and answers with
    /// the records of every source (demands, proposals, funded projects) that the round's rule flags.
    /// </summary>
    public async Task<IReadOnlyList<Similar>> IndexAndFlagAsync(SimilarityRecord record, Round round, CancellationToken cancellationToken)
    {
        var indexed = await similarity.IndexAsync(store.Db, record, cancellationToken);
        return [.. (await FindAsync(indexed, FlaggingOf(round), cancellationToken)).Where(s => s.Flagged)];
    }

    static SimilarityService.Flagging FlaggingOf(Round round) =>
        new(round.Settings.SimilarityThreshold, round.Settings.SimilarityPassageChars);

    /// <summary>
    /// For the bureau's formal review, and for a recommending unit screening what its members sent through
    /// it: the flagged records, best first, then the nearest others. A recommending unit reads the scores of
    /// every record but the names and texts only of records it may open itself.
    /// </summary>
    public async Task<Outcome<(SimilarityRecord Record, IReadOnlyList<Similar> Similar, SimilarityService.Flagging Flagging)>> ForReviewAsync(Actor actor, int demandId,
        CancellationToken cancellationToken = default)
    {
        var bureau = IsBureau(actor);
        if (!bureau && !actor.Roles.Contains(Roles.Recommender)) return Permissions.WhyNotActAsBureau(actor)!;
        // Only what reached the reader: a demand still with its recommending unit is not found by the bureau,
        // nor a draft by the recommending unit.
        var visible = await store.LoadForAsync(actor, demandId, FilingAccess.View, cancellationToken);
        if (!visible.Succeeded) return visible.Errors.ToList();
        var loaded = visible.Value!;
        if (!bureau && !IsScreenedBy(actor, loaded.Demand)) return Outcome.NotFound();
        var record = await store.Db.SimilarityRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SourceType == DemandSource && r.SourceId == demandId, cancellationToken);
        if (record is null)
        {
            // Submitted before 查重 was switched on (or before a restore): index it now.
            if (loaded.Demand.LatestVersion is null) return Outcome.NotFound();
            await IndexSubmittedAsync(loaded, cancellationToken);
            record = await store.Db.SimilarityRecords.AsNoTracking()
                .FirstAsync(r => r.SourceType == DemandSource && r.SourceId == demandId, cancellationToken);
        }
        var found = await FindAsync(record, FlaggingOf(loaded.Round), cancellationToken);
        if (!bureau) found = await MaskedAsync(actor, found, cancellationToken);
        return (record, found, FlaggingOf(loaded.Round));
    }

    static bool IsBureau(Actor actor) => Permissions.WhyNotActAsBureau(actor) is null || actor.IsAdmin;

    /// <summary>A demand one of the actor's members sent through it (its own filings are not screened by it).</summary>
    static bool IsScreenedBy(Actor actor, Demand demand) =>
        demand.RecommenderUnitId is { } via && actor.RecommendsFor(via) && !actor.BelongsTo(demand.OwnerUnitId) && demand.Versions.Count > 0;

    /// <summary>The demands among <paramref name="ids"/> that a recommending unit screens.</summary>
    async Task<HashSet<int>> ScreenedAsync(Actor actor, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var scope = actor.Scope.RecommendsFor.ToList();
        var own = actor.UnitId ?? -1;
        return (await store.Db.Demands.VisibleTo(actor)
            .Where(d => ids.Contains(d.Id) && d.RecommenderUnitId != null && scope.Contains(d.RecommenderUnitId.Value) && d.OwnerUnitId != own)
            .Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    async Task<IReadOnlyList<Similar>> MaskedAsync(Actor actor, IReadOnlyList<Similar> found, CancellationToken cancellationToken)
    {
        var ids = found.Where(f => f.SourceType == DemandSource && f.SourceId is not null).Select(f => f.SourceId!.Value).ToList();
        var open = await ScreenedAsync(actor, ids, cancellationToken);
        return found.Select(f => f.SourceType == DemandSource && f.SourceId is { } id && open.Contains(id)
            ? f : f with { Title = "", UnitName = "", SourceId = null, Hidden = true }).ToList();
    }

    /// <summary>
    /// The two texts side by side with the overlapping passages, for the reviewer, and how alike the
    /// second is to the first when the index finds it among the first's nearest records.
    /// </summary>
    public async Task<Outcome<(SimilarityRecord A, SimilarityRecord B, IReadOnlyList<EvidenceSpan> Spans, Similar? Measured)>> CompareAsync(Actor actor,
        long recordA, long recordB, CancellationToken cancellationToken = default)
    {
        var bureau = IsBureau(actor);
        if (!bureau && !actor.Roles.Contains(Roles.Recommender)) return Permissions.WhyNotActAsBureau(actor)!;
        var pair = await store.Db.SimilarityRecords.AsNoTracking().Where(r => r.Id == recordA || r.Id == recordB).ToListAsync(cancellationToken);
        var a = pair.FirstOrDefault(r => r.Id == recordA);
        var b = pair.FirstOrDefault(r => r.Id == recordB);
        if (a is null || b is null) return Outcome.NotFound();
        if (!bureau)
        {
            // A recommending unit compares only demands its members sent through it.
            var ids = pair.Where(r => r.SourceType == DemandSource && r.SourceId is not null).Select(r => r.SourceId!.Value).ToList();
            var open = await ScreenedAsync(actor, ids, cancellationToken);
            if (pair.Any(r => r.SourceType != DemandSource || r.SourceId is not { } id || !open.Contains(id))) return Outcome.NotFound();
        }
        var measured = (await FindAsync(a, new SimilarityService.Flagging(1, 0), cancellationToken, top: 50)).FirstOrDefault(s => s.RecordId == b.Id);
        return (a, b, await similarity.EvidenceAsync(a.Text, b.Text, cancellationToken), measured);
    }

    async Task<IReadOnlyList<Similar>> FindAsync(SimilarityRecord record, SimilarityService.Flagging flagging, CancellationToken cancellationToken,
        int top = 10)
    {
        var found = await similarity.SimilarToAsync(store.Db, record.Text, flagging, record.Id, top, cancellationToken);
        return found.Select(f =>
        {
            var sameUnit = (record.UnitId is not null && f.Record.UnitId == record.UnitId) || f.Record.UnitName == record.UnitName;
            return new Similar(f.Record.Id, f.Record.SourceType, f.Record.SourceId, f.Record.Title, f.Record.UnitName, f.Record.Year,
                Math.Round(f.Match.Score, 3), Math.Round(f.Match.Containment, 3), sameUnit,
                sameUnit && f.Record.Channel.Length > 0 && f.Record.Channel != record.Channel, f.Flagged, f.Match.Passage,
                Math.Round(f.Match.Resemblance, 3), record.Text.Length <= f.Record.Text.Length);
        }).ToList();
    }

    /// <summary>How a demand reached the bureau, as <see cref="SimilarityRecord.Channel"/> keeps it.</summary>
    public static string ChannelOf(Demand demand) => demand.RecommenderUnitId is { } r ? $"recommender:{r}" : "direct";
}
