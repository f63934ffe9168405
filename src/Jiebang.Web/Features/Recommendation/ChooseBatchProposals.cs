using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level chooses which of its recommended proposals, not yet forwarded, its draft batch holds [annex 4 §4.2];
/// a proposal is in one draft batch at most. The chosen ones go in, the others in this batch come out.
/// </summary>
public sealed class ChooseBatchProposals(ProposalBatchStore store, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public List<int> ProposalIds { get; set; } = [];
    }

    public sealed record Chosen(int BatchId, IReadOnlyList<int> ProposalIds);

    public async Task<Outcome<Chosen>> HandleAsync(Actor actor, int batchId, Input input, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadForAsync(actor, batchId, cancellationToken);
        if (!loaded.Succeeded) return loaded.Errors.ToList();
        try
        {
            return await ApplyAsync(actor, loaded.Value!, input.ProposalIds, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague changed one of these proposals, or this batch, at the same moment.
            return FilingErrors.ChangedMeanwhile.At("");
        }
    }

    /// <summary>Sets what the batch holds and saves it with an audit entry; the caller catches a concurrent change.</summary>
    internal async Task<Outcome<Chosen>> ApplyAsync(Actor actor, ProposalBatch batch, IReadOnlyCollection<int> proposalIds,
        CancellationToken cancellationToken)
    {
        if (batch.IsSubmitted) return BatchErrors.AlreadySubmitted.At("");
        var unit = batch.UnitId;
        var candidates = await store.Db.Proposals.Include(p => p.Levels)
            .Where(p => p.HolderUnitId == unit && p.Levels.Any(l => l.UnitId == unit && l.RoundId == batch.RoundId
                && l.Decision == LevelDecision.Recommended && l.ForwardedAt == null))
            .ToListAsync(cancellationToken);
        var chosen = proposalIds.Distinct().ToHashSet();
        var errors = new List<RuleError>();
        foreach (var id in chosen.Where(id => candidates.All(p => p.Id != id)))
            errors.Add(BatchErrors.NotCandidate.At("proposalIds", id));
        foreach (var p in candidates.Where(p => chosen.Contains(p.Id) && p.CurrentLevel!.BatchId is { } other && other != batch.Id))
            errors.Add(BatchErrors.InOtherBatch.At("proposalIds", p.Title, p.CurrentLevel!.BatchId!.Value));
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow();
        var before = candidates.Where(p => p.CurrentLevel!.BatchId == batch.Id).Select(p => p.Id).ToList();
        foreach (var proposal in candidates)
        {
            var isIn = proposal.CurrentLevel!.BatchId == batch.Id;
            var wanted = chosen.Contains(proposal.Id);
            if (wanted == isIn) continue;
            if (proposal.PutInBatch(unit, wanted ? batch.Id : null, now) is { } refused) return refused;
        }
        var after = candidates.Where(p => chosen.Contains(p.Id)).Select(p => p.Id).Order().ToList();
        audit.Record(actor, "batch.proposals_chosen", nameof(ProposalBatch), batch.Id.ToString(),
            new { proposals = before.Order() }, new { proposals = after });
        await store.Db.SaveChangesAsync(cancellationToken);
        return new Chosen(batch.Id, after);
    }
}
