using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A recommending unit screens a demand sent through it, or bureau staff decide on the acceptance
/// (受理) of one that reached the bureau: accept, return for revision with reasons, or reject with reasons.
/// </summary>
public sealed class DecideOnDemand(DemandStore store, Files.DemandScans scans, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public ScreeningDecision Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Outcome<DemandStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, DemandAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var demand = outcome.Value!.Demand;
        var before = demand.Status;
        var now = clock.GetUtcNow();
        var asBureau = actor.IsStaff;
        if ((asBureau ? DemandPolicy.WhyNotAccept(actor) : DemandPolicy.WhyNotScreen(actor, demand)) is { } denied)
            return denied;
        if (asBureau && input.Decision == ScreeningDecision.Accept
            && await scans.WhyNotWithoutCurrentScanAsync(demand, outcome.Value.Round, cancellationToken) is { } missing)
            return missing;
        var refused = asBureau
            ? demand.Accept(input.Decision, input.Reason, actor.AsFiler(), now)
            : demand.Screen(input.Decision, input.Reason, actor.AsFiler(), now);
        if (refused is not null) return refused;
        audit.Record(actor, $"demand.{(asBureau ? "accepted" : "screened")}.{input.Decision.ToString().ToLowerInvariant()}",
            nameof(Demand), id.ToString(), new { Status = before }, new { demand.Status }, input.Reason?.Trim());
        await store.Db.SaveChangesAsync(cancellationToken);
        return demand.Status;
    }
}
