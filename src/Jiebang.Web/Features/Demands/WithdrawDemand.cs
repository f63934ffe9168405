using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Demands;

/// <summary>The owner takes a submitted demand back to draft before the deadline.</summary>
public sealed class WithdrawDemand(DemandStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<DemandStatus>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadAsync(id, cancellationToken);
        if (loaded is null || Permissions.WhyNotViewDemand(actor, loaded.Demand) is not null) return Outcome.NotFound();
        if (Permissions.WhyNotEditDemand(actor, loaded.Demand) is { } denied) return denied;
        var before = loaded.Demand.Status;
        if (loaded.Demand.Withdraw(loaded.Window, actor.UserId!, actor.UnitId!.Value, clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "demand.withdrawn", nameof(Demand), id.ToString(), new { Status = before }, new { loaded.Demand.Status });
        await store.Db.SaveChangesAsync(cancellationToken);
        return loaded.Demand.Status;
    }
}
