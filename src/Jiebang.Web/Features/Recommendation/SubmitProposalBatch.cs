using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level submits its batch before the recommenders' deadline, with the stamped scans of its recommendation
/// letter, summary and commitment letter [annex 4 §4.2]: every proposal in it goes to the level above (a county
/// bureau's to its city bureau), or from the last level to the bureau's formal review. The batch, each proposal's
/// move and the audit entry commit together; a double click or a colleague's submit at the same moment finds the
/// batch already gone up and changes nothing.
/// </summary>
public sealed class SubmitProposalBatch(ProposalBatchStore store, RecommendingLevels levels, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        /// <summary>The level's opinion (推荐意见), kept with the batch.</summary>
        public string? Opinion { get; set; }
    }

    public sealed record Submitted(int BatchId, int Count, int? ToUnitId, DateTimeOffset SubmittedAt);

    public async Task<Outcome<Submitted>> HandleAsync(Actor actor, int batchId, Input input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TrySubmitAsync(actor, batchId, input, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A twin submit changed the batch or its proposals first (a stale stamp, or the level above's row already there).
            store.Db.ChangeTracker.Clear();
            var now = await store.Db.ProposalBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
            if (now is { IsSubmitted: true }) return BatchErrors.AlreadySubmitted.At("");
            if (now is not null) return FilingErrors.ChangedMeanwhile.At("");
            throw;
        }
    }

    /// <summary>
    /// Everything is read inside the transaction, after the batch's turn is taken (its row locked on PostgreSQL;
    /// on SQLite the transaction is the one writer, BEGIN IMMEDIATE): a twin submit waits, then finds the batch
    /// gone up, instead of reading the batch before the first one commits and its proposals after.
    /// </summary>
    Task<Outcome<Submitted>> TrySubmitAsync(Actor actor, int batchId, Input input, CancellationToken cancellationToken) =>
        store.Db.InOneTransactionAsync<Submitted>(async () =>
        {
            await store.Db.TakeRowsTurnAsync<ProposalBatch>(batchId, cancellationToken);
            var loaded = await store.LoadForAsync(actor, batchId, cancellationToken);
            if (!loaded.Succeeded) return loaded.Errors.ToList();
            return await SubmitLoadedAsync(actor, loaded.Value!, input, cancellationToken);
        }, cancellationToken);

    async Task<Outcome<Submitted>> SubmitLoadedAsync(Actor actor, ProposalBatch batch, Input input, CancellationToken cancellationToken)
    {
        if (batch.IsSubmitted) return BatchErrors.AlreadySubmitted.At("");
        if (FormLimits.WhyNotText(input.Opinion, "opinion", FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var round = await store.Db.Rounds.AsNoTracking().FirstAsync(r => r.Id == batch.RoundId, cancellationToken);
        var now = clock.GetUtcNow();
        // The recommenders' deadline [annex 4 §4.2: 3月25日17:30前……扫描上传].
        if (round.Schedule.WhyNotActIn(RoundStageKind.Recommendation, now) is { } closed) return closed;

        var unitId = batch.UnitId;
        var proposals = await store.Db.Proposals.Include(p => p.Levels).Include(p => p.Events).AsSplitQuery()
            .Where(p => p.HolderUnitId == unitId && p.Levels.Any(l => l.UnitId == unitId && l.BatchId == batch.Id))
            .ToListAsync(cancellationToken);
        if (proposals.Count == 0) return RecommendationErrors.BatchEmpty.At("proposalIds");
        if (await store.MissingScansAsync(batch.Id, cancellationToken) is { Count: > 0 } missing) return missing;

        var unit = await levels.UnitAsync(unitId, cancellationToken) ?? throw new InvalidOperationException("batch unit missing");
        // Whom it goes to is read here, in the batch's turn, and kept with it: a later change of the levels moves no batch.
        var above = await levels.AboveAsync(unit, cancellationToken);
        if (batch.Submit(input.Opinion ?? "", proposals.Count, above?.Id, actor.UserId!, now) is { } refused) return refused;
        var errors = new List<RuleError>();
        foreach (var proposal in proposals)
            if (proposal.Forward(unitId, above?.Id, actor.AsFiler(), now) is { } notForwarded)
                errors.Add(notForwarded with { Field = $"proposal:{proposal.Id}" });
        if (errors.Count > 0) return errors;
        audit.Record(actor, "batch.submitted", nameof(ProposalBatch), batch.Id.ToString(), new { SubmittedAt = (DateTimeOffset?)null },
            new { batch.RoundId, level = unitId, to = above?.Id, proposals = proposals.Select(p => p.Id).Order() }, batch.Opinion);
        foreach (var proposal in proposals)
            audit.Record(actor, above is null ? "proposal.recommended_to_bureau" : "proposal.forwarded", nameof(Proposal),
                proposal.Id.ToString(), new { level = unitId }, new { proposal.Status, level = above?.Id, batch = batch.Id });
        await store.Db.SaveChangesAsync(cancellationToken);
        return new Submitted(batch.Id, proposals.Count, above?.Id, now);
    }
}
