using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.Similarity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Freezes a proposal's saved draft as a version with a receipt (<see cref="SubmitFiling{TFiling, TStatus, TLoaded}"/>),
/// in the unit's turn, and compares it (查重) with demands, earlier proposals and funded projects [annex 4 §3.1.3].
/// </summary>
public sealed class SubmitProposal(ProposalStore store, AuditTrail audit, TimeProvider clock, DemandSimilarity similarity)
    : SubmitFiling<Proposal, ProposalStatus, ProposalStore.Loaded>(store, clock)
{
    public sealed record Receipt(int ProposalId, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string SubmittedAtChina,
        IReadOnlyList<SubmitDemand.SimilarNotice> Similar);

    public Task<Outcome<Receipt>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        OnceAsync(id, () => SubmitInTurnAsync(actor, id, cancellationToken), (proposal, version) => ReceiptOf(proposal, version, []),
            cancellationToken);

    async Task<Outcome<Receipt>> SubmitInTurnAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var owner = await store.Db.Proposals.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.OwnerUnitId, Leader = EF.Property<string?>(p, ProposalModel.LeaderIdHash) })
            .FirstOrDefaultAsync(cancellationToken);
        var outcome = await store.Db.InOneTransactionAsync(async () =>
        {
            // A unit's submits take turns, and so do a leader's, and each loads its rules' facts after the one
            // before committed: the one-channel rule [annex 4 §3.1.1] reads the unit's and the leader's other
            // proposals, and two submitted at once through two recommending units must not both find the other
            // still a draft. The unit's turn is taken first, then the leader's, always in that order.
            if (owner is not null)
            {
                await store.Db.TakeRowsTurnAsync<Unit>(owner.OwnerUnitId, cancellationToken);
                if (ProposalModel.IsLeaderIdHash(owner.Leader)) await TakeLeadersTurnAsync(owner.Leader!, cancellationToken);
            }
            return await SubmitLoadedAsync(actor, id, cancellationToken);
        }, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var (loaded, version, isNew) = outcome.Value!;
        return ReceiptOf(loaded.Proposal, version, isNew ? SubmitDemand.SimilarNotice.Of(await IndexAsync(loaded, version, cancellationToken)) : []);
    }

    protected override void Audit(Actor actor, Proposal proposal, ProposalStatus before, FilingVersion<ProposalStatus> version) =>
        audit.Record(actor, "proposal.submitted", nameof(Proposal), proposal.Id.ToString(), new { Status = before },
            new { proposal.Status, version = version.Number, receipt = version.ReceiptNumber, proposal.RecommenderUnitId });

    /// <summary>
    /// Waits until no other transaction submits a proposal of the same leader (a transaction-scoped advisory lock
    /// on the leader's hash on PostgreSQL; on SQLite the transaction is already the one writer).
    /// </summary>
    async Task TakeLeadersTurnAsync(string leaderHash, CancellationToken cancellationToken)
    {
        if (store.Db.Database.IsNpgsql())
            await store.Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({leaderHash}, 0))", cancellationToken);
    }

    async Task<IReadOnlyList<DemandSimilarity.Similar>> IndexAsync(ProposalStore.Loaded loaded, FilingVersion<ProposalStatus> version,
        CancellationToken cancellationToken)
    {
        var proposal = loaded.Proposal;
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == proposal.OwnerUnitId, cancellationToken);
        var values = store.Values(loaded.Form, version.ValuesJson);
        return await similarity.IndexAndFlagAsync(new SimilarityRecord
        {
            SourceType = DemandSimilarity.ProposalSource, SourceId = proposal.Id, Title = proposal.Title, UnitName = unit.Name,
            UnitId = unit.Id, Leader = values["leaderName"]?.ToString() ?? "", Year = loaded.Round.OpensAt.Year,
            Channel = $"recommender:{proposal.RecommenderUnitId}", Text = FilingText.Of(loaded.Form, values), Sketch = [],
            IndexedAt = Clock.GetUtcNow(),
        }, loaded.Round, cancellationToken);
    }

    static Receipt ReceiptOf(Proposal proposal, FilingVersion<ProposalStatus> v, IReadOnlyList<SubmitDemand.SimilarNotice> similar) =>
        new(proposal.Id, v.Number, v.ReceiptNumber, v.SubmittedAt, Domain.Rounds.ChinaTime.Format(v.SubmittedAt), similar);
}
