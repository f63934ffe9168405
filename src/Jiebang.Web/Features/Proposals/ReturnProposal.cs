using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The recommending unit sends a submitted proposal back for revision with its reasons. Recommending it
/// on to the next level is the recommendation round's own use case.
/// </summary>
public sealed class ReturnProposal(ProposalStore store, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string? Reason { get; set; }
    }

    public async Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var proposal = outcome.Value!.Proposal;
        if (ProposalPolicy.WhyNotRecommend(actor, proposal) is { } denied) return denied;
        if (Domain.Forms.FormLimits.WhyNotText(input.Reason, "reason", Domain.Forms.FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var before = proposal.Status;
        if (proposal.Return(actor.UnitId!.Value, input.Reason, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "proposal.returned", nameof(Proposal), id.ToString(), new { Status = before }, new { proposal.Status },
            input.Reason?.Trim());
        await store.Db.SaveChangesAsync(cancellationToken);
        return proposal.Status;
    }
}
