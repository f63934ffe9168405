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
    public sealed record Similar(long RecordId, string SourceType, int? SourceId, string Title, string UnitName, int? Year,
        double Score, double Containment, bool SameUnit, bool OtherChannel, bool Flagged, int Passage);

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

    /// <summary>For the bureau's formal review: the flagged records, best first, then the nearest others.</summary>
    public async Task<Outcome<(SimilarityRecord Record, IReadOnlyList<Similar> Similar, SimilarityService.Flagging Flagging)>> ForReviewAsync(Actor actor, int demandId,
        CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotActAsBureau(actor) is { } denied && !actor.IsAdmin) return denied;
        // Only what reached the bureau: a demand still with its recommending unit is not found.
        var visible = await store.LoadForAsync(actor, demandId, FilingAccess.View, cancellationToken);
        if (!visible.Succeeded) return visible.Errors.ToList();
        var loaded = visible.Value!;
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
        return (record, await FindAsync(record, FlaggingOf(loaded.Round), cancellationToken), FlaggingOf(loaded.Round));
    }

    /// <summary>The two texts side by side with the overlapping passages, for the reviewer.</summary>
    public async Task<Outcome<(SimilarityRecord A, SimilarityRecord B, IReadOnlyList<EvidenceSpan> Spans)>> CompareAsync(Actor actor,
        long recordA, long recordB, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotActAsBureau(actor) is { } denied && !actor.IsAdmin) return denied;
        var pair = await store.Db.SimilarityRecords.AsNoTracking().Where(r => r.Id == recordA || r.Id == recordB).ToListAsync(cancellationToken);
        var a = pair.FirstOrDefault(r => r.Id == recordA);
        var b = pair.FirstOrDefault(r => r.Id == recordB);
        if (a is null || b is null) return Outcome.NotFound();
        return (a, b, await similarity.EvidenceAsync(a.Text, b.Text, cancellationToken));
    }

    async Task<IReadOnlyList<Similar>> FindAsync(SimilarityRecord record, SimilarityService.Flagging flagging, CancellationToken cancellationToken)
    {
        var found = await similarity.SimilarToAsync(store.Db, record.Text, flagging, record.Id, cancellationToken: cancellationToken);
        return found.Select(f =>
        {
            var sameUnit = (record.UnitId is not null && f.Record.UnitId == record.UnitId) || f.Record.UnitName == record.UnitName;
            return new Similar(f.Record.Id, f.Record.SourceType, f.Record.SourceId, f.Record.Title, f.Record.UnitName, f.Record.Year,
                Math.Round(f.Match.Score, 3), Math.Round(f.Match.Containment, 3), sameUnit,
                sameUnit && f.Record.Channel.Length > 0 && f.Record.Channel != record.Channel, f.Flagged, f.Match.Passage);
        }).ToList();
    }

    /// <summary>How a demand reached the bureau, as <see cref="SimilarityRecord.Channel"/> keeps it.</summary>
    public static string ChannelOf(Demand demand) => demand.RecommenderUnitId is { } r ? $"recommender:{r}" : "direct";
}
