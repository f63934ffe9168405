using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Demands;

/// <summary>The owner takes a submitted demand back before the deadline; it is withdrawn until submitted again.</summary>
public sealed class WithdrawDemand(DemandStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<DemandStatus>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var before = loaded.Demand.Status;
        if (loaded.Demand.Withdraw(loaded.Window, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "demand.withdrawn", nameof(Demand), id.ToString(), new { Status = before }, new { loaded.Demand.Status });
        await store.Db.SaveChangesAsync(cancellationToken);
        return loaded.Demand.Status;
    }
}
