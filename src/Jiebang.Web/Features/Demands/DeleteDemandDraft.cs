using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// The owner deletes a draft that was never submitted, with the files attached to its fields: nobody
/// else has read it and no receipt names it. The audit entry keeps what it was.
/// </summary>
public sealed class DeleteDemandDraft(DemandStore store, AuditTrail audit)
{
    public async Task<Outcome<int>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var demand = outcome.Value!.Demand;
        if (DemandPolicy.WhyNotDelete(actor, demand) is { } refused) return refused;
        var attachments = await store.Db.Attachments
            .Where(a => a.OwnerType == nameof(Demand) && a.OwnerId == id).ToListAsync(cancellationToken);
        store.Db.Attachments.RemoveRange(attachments);
        store.Db.Demands.Remove(demand);
        audit.Record(actor, "demand.deleted", nameof(Demand), id.ToString(),
            before: new { demand.Title, demand.FormKey, demand.FormVersion, demand.RoundId, demand.Status, Attachments = attachments.Count });
        await store.Db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
