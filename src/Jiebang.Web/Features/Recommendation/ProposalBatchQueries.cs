using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>What a level's batch pages read: its batches, the proposals it may put in one, and a batch's preview.</summary>
public sealed class ProposalBatchQueries(ProposalBatchStore store, QuotaLedger quota, RecommendingLevels levels)
{
    public sealed record ListRow(int Id, int RoundId, string RoundTitle, int Count, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

    /// <summary>A call in which the level has recommended proposals not in any batch yet.</summary>
    public sealed record Waiting(int RoundId, string RoundTitle, int Count);

    public sealed record Listing(IReadOnlyList<ListRow> Batches, IReadOnlyList<Waiting> Waiting);

    public async Task<Outcome<Listing>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var level = ProposalBatchStore.LevelOf(actor);
        if (!level.Succeeded) return level.Errors.ToList();
        var unit = level.Value;
        var db = store.Db;
        var batches = await db.ProposalBatches.AsNoTracking().Where(b => b.UnitId == unit).OrderByDescending(b => b.Id)
            .Select(b => new
            {
                b.Id, b.RoundId, b.CreatedAt, b.SubmittedAt,
                Count = db.ProposalLevels.Count(l => l.UnitId == unit && l.BatchId == b.Id),
            }).ToListAsync(cancellationToken);
        var waiting = await db.ProposalLevels.AsNoTracking()
            .Where(l => l.UnitId == unit && l.Decision == LevelDecision.Recommended && l.ForwardedAt == null && l.BatchId == null)
            .GroupBy(l => l.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var roundIds = batches.Select(b => b.RoundId).Concat(waiting.Select(w => w.RoundId)).Distinct().ToList();
        var titles = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        return new Listing(
            [.. batches.Select(b => new ListRow(b.Id, b.RoundId, titles.GetValueOrDefault(b.RoundId, ""), b.Count, b.CreatedAt, b.SubmittedAt))],
            [.. waiting.OrderBy(w => w.RoundId).Select(w => new Waiting(w.RoundId, titles.GetValueOrDefault(w.RoundId, ""), w.Count))]);
    }

    /// <summary>A submitted batch as its receiver lists it: from which level, in which call, how many proposals and how much.</summary>
    public sealed record ReceivedRow(int Id, string RoundTitle, string FromUnitName, int Count, decimal SubsidyWan, DateTimeOffset SubmittedAt);

    /// <summary>
    /// The batches that reached the actor [annex 4 §4.2]: bureau staff see what the last levels sent to the bureau;
    /// a recommending level sees what the levels below sent to it. Newest first; nothing else is listed.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ReceivedRow>>> ReceivedAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        if (!actor.IsStaffOrAdmin && actor.Scope.RecommendsFor.Count == 0) return AccessErrors.RecommenderOnly.At("");
        var db = store.Db;
        // Whom each batch was sent to is kept with it at submit: one query, whatever the levels are today.
        var reached = await db.ProposalBatches.AsNoTracking().Where(ProposalBatchStore.ReachedBy(actor))
            .OrderByDescending(b => b.SubmittedAt).ThenByDescending(b => b.Id)
            .Select(b => new { b.Id, b.RoundId, b.UnitId, SubmittedAt = b.SubmittedAt!.Value }).ToListAsync(cancellationToken);
        var ids = reached.Select(b => b.Id).ToList();
        var unitIds = reached.Select(b => b.UnitId).Distinct().ToList();
        var roundIds = reached.Select(b => b.RoundId).Distinct().ToList();
        var counts = await db.ProposalLevels.AsNoTracking().Where(l => l.BatchId != null && ids.Contains(l.BatchId!.Value))
            .GroupBy(l => l.BatchId!.Value).Select(g => new { Id = g.Key, Count = g.Count(), Fen = g.Sum(l => l.SubsidyFen) })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var titles = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        return reached.Select(b => new ReceivedRow(b.Id, titles.GetValueOrDefault(b.RoundId, ""), units.GetValueOrDefault(b.UnitId, ""),
            counts.TryGetValue(b.Id, out var c) ? c.Count : 0, counts.TryGetValue(b.Id, out var f) ? f.Fen / (decimal)QuotaStanding.FenPerWan : 0,
            b.SubmittedAt)).ToList();
    }

    /// <summary>The level's proposals that a batch of the round can hold, for a new batch's checkbox list.</summary>
    public async Task<Outcome<(Round Round, IReadOnlyList<ProposalBatchStore.Row> Rows)>> CandidatesAsync(Actor actor, int roundId,
        CancellationToken cancellationToken = default)
    {
        var level = ProposalBatchStore.LevelOf(actor);
        if (!level.Succeeded) return level.Errors.ToList();
        var round = await store.Db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return Outcome.NotFound("roundId");
        return (round, await store.CandidatesAsync(roundId, level.Value, cancellationToken));
    }

    /// <summary>
    /// A batch as its level previews it: what it holds with each proposal's unit, name, category, subsidy and
    /// incentive place; the level's quota used and left; its scans; and, while a draft, what else it could hold.
    /// </summary>
    public sealed record Preview(ProposalBatch Batch, Round Round, string UnitName, string AboveName, IReadOnlyList<ProposalBatchStore.Row> Rows,
        IReadOnlyList<ProposalBatchStore.Row> Candidates, QuotaStanding Standing, IReadOnlyDictionary<BatchDocument, Attachment> Scans)
    {
        public decimal SubsidyWan => Rows.Sum(r => r.SubsidyWan);
    }

    public async Task<Outcome<Preview>> PreviewAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadToReadAsync(actor, id, cancellationToken);
        if (!loaded.Succeeded) return loaded.Errors.ToList();
        var batch = loaded.Value!;
        var round = await store.Db.Rounds.AsNoTracking().FirstAsync(r => r.Id == batch.RoundId, cancellationToken);
        var unit = await levels.UnitAsync(batch.UnitId, cancellationToken) ?? throw new InvalidOperationException("batch unit missing");
        // A submitted batch names whom it was sent to; a draft, whom it would go to as the levels stand now.
        var sentTo = batch.IsSubmitted ? batch.SentToUnitId : (await levels.AboveAsync(unit, cancellationToken))?.Id;
        var names = await NamesAsync(batch.UnitId, sentTo, cancellationToken);
        var rows = await store.InBatchAsync(batch, cancellationToken);
        var candidates = batch.IsSubmitted ? [] : await store.CandidatesAsync(batch.RoundId, batch.UnitId, cancellationToken);
        return new Preview(batch, round, names.Unit, names.Above, rows, candidates,
            await quota.StandingAsync(round, unit, cancellationToken), await store.ScansAsync(batch.Id, cancellationToken));
    }

    /// <summary>The level's name, and whom it sends to: the level above, or the bureau that runs the call.</summary>
    async Task<(string Unit, string Above)> NamesAsync(int unitId, int? aboveId, CancellationToken cancellationToken)
    {
        var db = store.Db;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(cancellationToken);
        if (aboveId is { } above) return (unit, await db.Units.AsNoTracking().Where(u => u.Id == above).Select(u => u.Name).FirstAsync(cancellationToken));
        var bureau = await db.BureauIdentities.AsNoTracking().Select(b => b.ShortName).FirstOrDefaultAsync(cancellationToken);
        return (unit, string.IsNullOrWhiteSpace(bureau) ? "科技主管部门" : bureau);
    }
}
