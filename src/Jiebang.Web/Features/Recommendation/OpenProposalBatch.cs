using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A recommending level opens a draft batch (推荐批次) in a call, with the recommended proposals it chose to
/// send up together [annex 4 §4.2]. The batch and what it holds commit together, or not at all.
/// </summary>
public sealed class OpenProposalBatch(ProposalBatchStore store, ChooseBatchProposals choose, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public int RoundId { get; set; }
        public List<int> ProposalIds { get; set; } = [];
    }

    public async Task<Outcome<ChooseBatchProposals.Chosen>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        var level = ProposalBatchStore.LevelOf(actor);
        if (!level.Succeeded) return level.Errors.ToList();
        var round = await store.Db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.RoundId, cancellationToken);
        if (round is null) return Outcome.NotFound("roundId");
        if (round.Kind != RoundKind.ProposalCall) return BatchErrors.NotACall.At("roundId");

        var batch = ProposalBatch.Open(round.Id, level.Value, actor.UserId!, clock.GetUtcNow());
        try
        {
            return await store.Db.InOneTransactionAsync(async () =>
            {
                store.Db.ProposalBatches.Add(batch);
                await store.Db.SaveChangesAsync(cancellationToken);
                audit.Record(actor, "batch.opened", nameof(ProposalBatch), batch.Id.ToString(), after: new { batch.RoundId, batch.UnitId });
                return await choose.ApplyAsync(actor, batch, input.ProposalIds, cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FilingErrors.ChangedMeanwhile.At("");
        }
    }
}
