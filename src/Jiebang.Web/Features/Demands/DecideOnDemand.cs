using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A recommending unit screens a demand sent through it, or bureau staff review one that reached
/// the bureau: accept, return for revision with reasons, or reject with reasons.
/// </summary>
public sealed class DecideOnDemand(DemandStore store, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public ScreeningDecision Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Outcome<DemandStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadAsync(id, cancellationToken);
        if (loaded is null || Permissions.WhyNotViewDemand(actor, loaded.Demand) is not null) return Outcome.NotFound();
        var demand = loaded.Demand;
        var before = demand.Status;
        var now = clock.GetUtcNow();
        var asBureau = actor.IsStaff;
        if ((asBureau ? Permissions.WhyNotReviewDemands(actor) : Permissions.WhyNotScreenDemand(actor, demand)) is { } denied)
            return denied;
        var refused = asBureau
            ? demand.Review(input.Decision, input.Reason, actor.UserId!, actor.UnitId!.Value, now)
            : demand.Screen(input.Decision, input.Reason, actor.UserId!, actor.UnitId!.Value, now);
        if (refused is not null) return refused;
        audit.Record(actor, $"demand.{(asBureau ? "reviewed" : "screened")}.{input.Decision.ToString().ToLowerInvariant()}",
            nameof(Demand), id.ToString(), new { Status = before }, new { demand.Status }, input.Reason?.Trim());
        await store.Db.SaveChangesAsync(cancellationToken);
        return demand.Status;
    }
}
