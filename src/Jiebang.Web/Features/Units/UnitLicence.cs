using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// A unit's business licence scan (营业执照, or 法人证书 for an institution), what staff judge a registration by. It is a file of the
/// unit (<see cref="Attachment.OwnerType"/> "Unit"), checked by content like every scan; a replacement is a newer file, and the
/// newest is the current one. Only staff and the unit's own people read it; anyone else is told it does not exist.
/// </summary>
public sealed class UnitLicence(JiebangDbContext db, FileStore files, AuditTrail audit, TimeProvider clock)
{
    public const string Kind = "BusinessLicence";

    public sealed record Upload(string FileName, Stream Content);
    public sealed record View(long Id, string FileName, string ContentType, long Size, int? PageCount, DateTimeOffset UploadedAt);

    /// <summary>Checks the upload by its bytes and stores it; the row naming it is added by <see cref="Add"/> in the caller's unit of work.</summary>
    public async Task<Outcome<FileStore.Stored>> StoreAsync(Upload upload, CancellationToken cancellationToken) =>
        await files.PutAsync(upload.Content, cancellationToken);

    public Attachment Add(int unitId, string userId, string fileName, FileStore.Stored stored)
    {
        var attachment = new Attachment
        {
            OwnerType = nameof(Unit), OwnerId = unitId, Kind = Kind, FileName = FilingScans.SafeFileName(fileName),
            Sha256 = stored.Sha256, ContentType = stored.ContentType, Size = stored.Size, PageCount = stored.PageCount,
            UploadedAt = clock.GetUtcNow(), UploadedByUserId = userId,
        };
        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>What the audit entry of an attached licence keeps of it.</summary>
    public static object Snapshot(Attachment a) => new { a.Id, a.FileName, a.Sha256, a.Size, a.PageCount };

    /// <summary>The unit's current licence scan, or null when it has none; the caller has checked who reads it.</summary>
    public async Task<View?> CurrentAsync(int unitId, CancellationToken cancellationToken) =>
        await db.Attachments.AsNoTracking().Where(a => a.OwnerType == nameof(Unit) && a.OwnerId == unitId && a.Kind == Kind)
            .OrderByDescending(a => a.Id).Select(a => new View(a.Id, a.FileName, a.ContentType, a.Size, a.PageCount, a.UploadedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The current licence scan to download, audited; not found for another unit, or when there is none.</summary>
    public async Task<Outcome<FilingScans.Download>> OpenAsync(Actor actor, int unitId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || Permissions.WhyNotViewUnit(actor, unit) is not null) return Outcome.NotFound();
        if (await CurrentAsync(unitId, cancellationToken) is not { } current) return Outcome.NotFound();
        var sha = await db.Attachments.Where(a => a.Id == current.Id).Select(a => a.Sha256).SingleAsync(cancellationToken);
        await audit.RecordNowAsync(actor, "unit.licence_downloaded", nameof(Unit), unitId.ToString(), current.FileName, cancellationToken);
        return new FilingScans.Download(current.FileName, current.ContentType, files.OpenRead(sha));
    }
}
