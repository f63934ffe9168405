using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The owner deletes a proposal's draft that was never submitted, with the files attached to its
/// fields: nobody else has read it and no receipt names it. The audit entry keeps what it was.
/// </summary>
public sealed class DeleteProposalDraft(ProposalStore store, AuditTrail audit)
{
    public async Task<Outcome<int>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var proposal = outcome.Value!.Proposal;
        if (ProposalPolicy.WhyNotDelete(actor, proposal) is { } refused) return refused;
        var attachments = await store.Db.Attachments
            .Where(a => a.OwnerType == nameof(Proposal) && a.OwnerId == id).ToListAsync(cancellationToken);
        store.Db.Attachments.RemoveRange(attachments);
        store.Db.Proposals.Remove(proposal);
        audit.Record(actor, "proposal.deleted", nameof(Proposal), id.ToString(),
            before: new { proposal.Title, proposal.FormKey, proposal.FormVersion, proposal.RoundId, proposal.Status, Attachments = attachments.Count });
        await store.Db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
