using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.PersonalData;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// A unit keeps its contact up to date. Name, code, type and county were checked by the bureau at
/// approval, so they change only through the bureau; the contact is the unit's own.
/// </summary>
public sealed class UpdateUnitContact(JiebangDbContext db, PersonalDataProtector personal, AuditTrail audit)
{
    public sealed record Input
    {
        public string ContactName { get; set; } = "";
        public string ContactPhone { get; set; } = "";
        public string ContactEmail { get; set; } = "";
    }

    public async Task<Outcome<UnitView>> HandleAsync(Actor actor, int unitId, Input input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var unit = await db.Units.FindAsync([unitId], cancellationToken);
        if (unit is null || !actor.BelongsTo(unit.Id)) return Outcome.NotFound();
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(input.ContactName)) errors.Add(UnitErrors.ContactRequired.At("contactName"));
        errors.AddRange(PhoneNumber.Check(input.ContactPhone, "contactPhone", new LocalizedText("联系电话", "Phone")));
        if (input.ContactEmail.Trim() is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            errors.Add(UnitErrors.EmailFormat.At("contactEmail", email));
        errors.AddRange(Domain.Forms.FormLimits.WhyNotTexts(("contactName", "联系人", "Contact", input.ContactName, Domain.Forms.FormLimits.MaxNameChars),
            ("contactEmail", "电子邮箱", "E-mail", input.ContactEmail, Domain.Forms.FormLimits.MaxEmailChars)));
        if (errors.Count > 0) return errors;

        var before = new { unit.ContactName, unit.ContactEmail };
        unit.ContactName = input.ContactName.Trim();
        unit.ContactPhoneProtected = personal.Protect(PhoneNumber.Normalize(input.ContactPhone));
        unit.ContactEmail = input.ContactEmail.Trim();
        // The phone is personal data: the trail records that it changed, not the numbers.
        audit.Record(actor, "unit.contact_updated", nameof(Unit), unit.Id.ToString(), before,
            new { unit.ContactName, unit.ContactEmail, phone = "changed" });
        await db.SaveChangesAsync(cancellationToken);
        var region = db.Regions.Where(r => r.Code == unit.RegionCode).Select(r => r.Name).First();
        return UnitView.Of(unit, region, personal, own: true);
    }
}
