using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Filings;

/// <summary>
/// The owner takes a submitted filing back before anyone acted on it and before the deadline; it stays
/// withdrawn until submitted again. The kind's record says what else stops it.
/// </summary>
public class WithdrawFiling<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store, AuditTrail audit, TimeProvider clock)
    : IFilerStep<TStatus>
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    public async Task<Outcome<TStatus>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var filing = loaded.Filing;
        var before = filing.Status;
        if (filing.Withdraw(loaded.Window, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, $"{store.Kind.AuditPrefix}.withdrawn", store.Kind.OwnerType, id.ToString(), new { Status = before }, new { filing.Status });
        await store.Db.SaveChangesAsync(cancellationToken);
        return filing.Status;
    }
}
