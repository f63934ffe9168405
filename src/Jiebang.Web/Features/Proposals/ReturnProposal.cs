using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The recommending unit sends a submitted proposal back for revision with its reasons. Recommending it
/// on to the next level is the recommendation round's own use case.
/// </summary>
public sealed class ReturnProposal(ProposalStore store, AuditTrail audit, TimeProvider clock) : LevelStep(store)
{
    public Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default) =>
        TakeAsync(actor, id, input.Reason,
            (proposal, _) => proposal.Return(actor.UnitId!.Value, input.Reason, actor.AsFiler(), clock.GetUtcNow()),
            (proposal, _, before) => audit.Record(actor, "proposal.returned", nameof(Proposal), id.ToString(), new { Status = before },
                new { proposal.Status }, input.Reason?.Trim()),
            cancellationToken);
}
