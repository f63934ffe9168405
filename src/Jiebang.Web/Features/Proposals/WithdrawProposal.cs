using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Proposals;

/// <summary>The owner takes a submitted proposal back before anyone acted and before the deadline.</summary>
public sealed class WithdrawProposal(ProposalStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var before = loaded.Proposal.Status;
        if (loaded.Proposal.Withdraw(loaded.Window, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "proposal.withdrawn", nameof(Proposal), id.ToString(), new { Status = before }, new { loaded.Proposal.Status });
        await store.Db.SaveChangesAsync(cancellationToken);
        return loaded.Proposal.Status;
    }
}
