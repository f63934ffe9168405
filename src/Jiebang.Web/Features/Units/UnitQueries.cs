using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>Reading units: staff see all, everyone else only their own; revealing a phone is audited.</summary>
public sealed class UnitQueries(JiebangDbContext db, PersonalDataProtector personal, AuditTrail audit)
{
    public async Task<Outcome<IReadOnlyList<UnitView>>> ListAsync(Actor actor, UnitStatus? status, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotListUnits(actor) is { } denied) return denied;
        var query = db.Units.AsNoTracking();
        if (status is not null) query = query.Where(u => u.Status == status);
        var rows = await query.OrderBy(u => u.Status).ThenBy(u => u.Id)
            .Join(db.Regions, u => u.RegionCode, r => r.Code, (u, r) => new { u, r.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(x => UnitView.Of(x.u, x.Name, personal)).ToList();
    }

    public async Task<Outcome<UnitView>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        // Another unit's record is reported as not found, so ids cannot be probed.
        if (unit is null || Permissions.WhyNotViewUnit(actor, unit) is not null) return Outcome.NotFound();
        var region = await db.Regions.Where(r => r.Code == unit.RegionCode).Select(r => r.Name).FirstAsync(cancellationToken);
        // The unit's own people see their own phone whole; staff see it masked and reveal it, audited.
        return UnitView.Of(unit, region, personal, own: actor.BelongsTo(unit.Id));
    }

    public async Task<Outcome<string>> RevealContactPhoneAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        if (unit is null || Permissions.WhyNotRevealUnitContact(actor, unit) is not null) return Outcome.NotFound();
        await audit.RecordNowAsync(actor, "personal.revealed", nameof(Unit), id.ToString(), "contactPhone", cancellationToken);
        return personal.Unprotect(unit.ContactPhoneProtected);
    }
}
