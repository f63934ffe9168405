using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Proposals;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>A recommending level does not recommend a proposal (不予推荐), saying why; the applicant reads the reason.</summary>
public sealed class RejectProposal(ProposalStore store, AuditTrail audit, TimeProvider clock) : LevelStep(store)
{
    public Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default) =>
        TakeAsync(actor, id, input.Reason,
            (proposal, level) => proposal.Reject(level, input.Reason, actor.AsFiler(), clock.GetUtcNow()),
            (proposal, level, before) => audit.Record(actor, "proposal.rejected", nameof(Proposal), id.ToString(), new { Status = before },
                new { proposal.Status, level, Decision = LevelDecision.Rejected }, input.Reason?.Trim()),
            cancellationToken);
}
