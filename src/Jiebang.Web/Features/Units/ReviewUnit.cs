using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// Bureau staff approve or reject a pending unit. A unit whose code failed its check character
/// is approved only with a recorded reason (RULES.md: early pilot codes were legally issued).
/// </summary>
public sealed class ReviewUnit(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public enum Decision { Approve, Reject }

    public sealed record Input
    {
        /// <summary>Required: a post without it decides nothing (it once meant "approve", the enum's first value).</summary>
        public Decision? Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Outcome<UnitStatus>> HandleAsync(Actor actor, int unitId, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotReviewUnit(actor) is { } denied) return denied;
        if (input.Decision is not { } decision) return UnitErrors.DecisionRequired.At("decision");
        var unit = await db.Units.FindAsync([unitId], cancellationToken);
        if (unit is null) return Outcome.NotFound();
        if (unit.Status != UnitStatus.Pending)
            return UnitErrors.AlreadyReviewed.At("decision", unit.Status);

        var reason = input.Reason?.Trim();
        if (decision == Decision.Reject && string.IsNullOrEmpty(reason))
            return UnitErrors.RejectReasonRequired.At("reason");
        if (decision == Decision.Approve && unit.UsccCheckFailure is not null && string.IsNullOrEmpty(reason))
            return UnitErrors.OverrideReasonRequired.At("reason");

        var before = UnitSnapshot.Of(unit);
        unit.Status = decision == Decision.Approve ? UnitStatus.Approved : UnitStatus.Rejected;
        unit.ReviewNote = reason;
        if (decision == Decision.Approve && unit.UsccCheckFailure is not null) unit.UsccOverrideReason = reason;
        unit.ReviewedAt = clock.GetUtcNow();
        unit.ReviewedByUserId = actor.UserId;
        audit.Record(actor, decision == Decision.Approve ? "unit.approved" : "unit.rejected",
            nameof(Unit), unit.Id.ToString(), before, UnitSnapshot.Of(unit), reason);
        await db.SaveChangesAsync(cancellationToken);
        return unit.Status;
    }
}
