using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// A unit's own people add or replace its business licence scan after registration (a pending unit that registered without
/// one, or an approved one whose licence changed). Checked by content, bounded in size by the file store; audited.
/// </summary>
public sealed class AttachUnitLicence(JiebangDbContext db, UnitLicence licences, AuditTrail audit)
{
    public async Task<Outcome<UnitLicence.View>> HandleAsync(Actor actor, int unitId, UnitLicence.Upload upload,
        CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        // Only the unit's own people: staff judge the scan, they do not supply it; another unit's id does not exist for them.
        if (!actor.BelongsTo(unitId) || actor.UserId is not { } userId || await db.Units.FindAsync([unitId], cancellationToken) is null)
            return Outcome.NotFound();
        var stored = await licences.StoreAsync(upload, cancellationToken);
        if (!stored.Succeeded) return stored.Errors.ToList();
        var attachment = licences.Add(unitId, userId, upload.FileName, stored.Value!);
        // One unit of work: the row and the audit entry naming its id.
        return await db.InOneTransactionAsync<Outcome<UnitLicence.View>>(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "unit.licence_attached", nameof(Unit), unitId.ToString(), after: UnitLicence.Snapshot(attachment));
            await db.SaveChangesAsync(cancellationToken);
            return new UnitLicence.View(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.PageCount,
                attachment.UploadedAt);
        }, cancellationToken);
    }
}
