using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// Bureau staff correct a unit's registered particulars (name, code, type, county, flags) — the
/// ones the unit cannot change itself — under the same rules as registration, with the change
/// and its reason in the audit trail.
/// </summary>
public sealed class EditUnit(JiebangDbContext db, AuditTrail audit)
{
    public sealed record Input
    {
        public string Name { get; set; } = "";
        public string Uscc { get; set; } = "";
        public UnitType Type { get; set; }
        public string RegionCode { get; set; } = "";
        public bool IsAgricultural { get; set; }
        public bool IsHighTech { get; set; }
        public bool IsTechSme { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Outcome<UnitStatus>> HandleAsync(Actor actor, int unitId, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotReviewUnit(actor) is { } denied) return denied;
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null) return Outcome.NotFound();
        var counties = await db.Regions.Where(r => r.Level == "county").Select(r => r.Code).ToListAsync(cancellationToken);
        var errors = UnitRegistration.Check(input.Name, input.Uscc, input.Type, input.RegionCode, counties.Contains).ToList();
        errors.AddRange(Domain.Forms.FormLimits.WhyNotTexts(("name", "单位名称", "Unit name", input.Name, Domain.Forms.FormLimits.MaxNameChars),
            ("reason", "理由", "Reason", input.Reason, Domain.Forms.FormLimits.MaxReasonChars)));
        var uscc = Domain.Identifiers.Uscc.Normalize(input.Uscc);
        // A code that fails only its check character stays acceptable when staff say why (early pilot codes).
        var checkFailure = errors.FirstOrDefault(UnitRegistration.IsOverridable);
        if (checkFailure is not null && !string.IsNullOrWhiteSpace(input.Reason)) errors.Remove(checkFailure);
        if (uscc != unit.Uscc && await db.Units.AnyAsync(u => u.Uscc == uscc && u.Id != unitId, cancellationToken))
            errors.Add(UnitErrors.UsccTaken.At("uscc", uscc));
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add(UnitErrors.EditReasonRequired.At("reason"));
        if (errors.Count > 0) return errors;

        var before = UnitSnapshot.Of(unit);
        (unit.Name, unit.Uscc, unit.Type, unit.RegionCode) = (input.Name.Trim(), uscc, input.Type, input.RegionCode);
        (unit.IsAgricultural, unit.IsHighTech, unit.IsTechSme) = (input.IsAgricultural, input.IsHighTech, input.IsTechSme);
        unit.UsccCheckFailure = checkFailure?.Message();
        if (checkFailure is not null) unit.UsccOverrideReason = input.Reason!.Trim();
        audit.Record(actor, "unit.edited", nameof(Unit), unit.Id.ToString(), before, UnitSnapshot.Of(unit), input.Reason!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return unit.Status;
    }
}
