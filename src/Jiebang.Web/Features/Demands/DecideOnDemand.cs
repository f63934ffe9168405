using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A recommending unit screens a demand sent through it, or bureau staff decide on the acceptance
/// (受理) of one that reached the bureau: accept, return for revision with reasons, or reject with reasons.
/// </summary>
public sealed class DecideOnDemand(DemandStore store, Files.FilingScans scans, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        /// <summary>Required: a post without it decides nothing (it once meant "accept", the enum's first value).</summary>
        public ScreeningDecision? Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Outcome<DemandStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TryDecideAsync(actor, id, input, cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Another decision on the same demand was saved first; nothing of this one was.
            return FilingErrors.ChangedMeanwhile.At("decision");
        }
    }

    async Task<Outcome<DemandStatus>> TryDecideAsync(Actor actor, int id, Input input, CancellationToken cancellationToken)
    {
        if (input.Decision is not { } decision) return DemandErrors.DecisionRequired.At("decision");
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var demand = outcome.Value!.Demand;
        var before = demand.Status;
        var now = clock.GetUtcNow();
        var asBureau = actor.IsStaff;
        if ((asBureau ? DemandPolicy.WhyNotAccept(actor) : DemandPolicy.WhyNotScreen(actor, demand)) is { } denied)
            return denied;
        if (!asBureau && outcome.Value.Round.Schedule.WhyNotActIn(RoundStageKind.Recommendation, now) is { } closed) return closed;
        if (asBureau && decision == ScreeningDecision.Accept
            && await scans.WhyNotWithoutCurrentScanAsync(nameof(Demand), demand.Id, demand.LatestVersion?.Number, outcome.Value.Round, DemandErrors.ScanOfCurrentVersionRequired, cancellationToken) is { } missing)
            return missing;
        var refused = asBureau
            ? demand.Accept(decision, input.Reason, actor.AsFiler(), now)
            : demand.Screen(decision, input.Reason, actor.AsFiler(), now);
        if (refused is not null) return refused;
        audit.Record(actor, $"demand.{(asBureau ? "accepted" : "screened")}.{decision.ToString().ToLowerInvariant()}",
            nameof(Demand), id.ToString(), new { Status = before }, new { demand.Status }, input.Reason?.Trim());
        await store.Db.SaveChangesAsync(cancellationToken);
        return demand.Status;
    }
}
