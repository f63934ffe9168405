using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Filings;

/// <summary>
/// The owner deletes a draft that was never submitted, with the files attached to its fields: nobody
/// else has read it and no receipt names it. The audit entry keeps what it was.
/// </summary>
public class DeleteFilingDraft<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store, AuditTrail audit)
    : IFilerStep<int>
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    public async Task<Outcome<int>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var filing = outcome.Value!.Filing;
        if (store.Kind.WhyNotDelete(actor, filing) is { } refused) return refused;
        var ownerType = store.Kind.OwnerType;
        var attachments = await store.Db.Attachments
            .Where(a => a.OwnerType == ownerType && a.OwnerId == id).ToListAsync(cancellationToken);
        store.Db.Attachments.RemoveRange(attachments);
        store.Remove(filing);
        audit.Record(actor, $"{store.Kind.AuditPrefix}.deleted", ownerType, id.ToString(),
            before: new { filing.Title, filing.FormKey, filing.FormVersion, filing.RoundId, filing.Status, Attachments = attachments.Count });
        await store.Db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
