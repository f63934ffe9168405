using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Demands;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// The stamped scan of a submitted demand [notice §4.3]: its own unit attaches it; whoever may read
/// the demand may download it, and every download is in the audit trail.
/// </summary>
public sealed class DemandScans(DemandStore store, FileStore files, AuditTrail audit, TimeProvider clock)
{
    public const string OwnerType = nameof(Demand);
    public const string StampedScan = "StampedScan";

    /// <summary>A scan, with the submitted version it is the stamped copy of (null for files of a draft's field).</summary>
    public sealed record ScanView(long Id, string FileName, string ContentType, long Size, int? PageCount, DateTimeOffset UploadedAt,
        int? Version);

    public async Task<Outcome<ScanView>> AttachAsync(Actor actor, int demandId, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, demandId, DemandAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        if (outcome.Value!.Demand.LatestVersion is not { } version) return FileErrors.NotAllowedNow.At("file");
        var stored = await StoreAsync(actor, demandId, StampedScan, fileName, content, cancellationToken, version.Number);
        return stored.Succeeded ? View(stored.Value!) : stored.Errors.ToList();
    }

    /// <summary>
    /// Checks and stores a file of a demand (a scan, or an attachment field's file when the kind is
    /// "field:key"), records it and audits it. The caller has checked who may attach.
    /// </summary>
    public async Task<Outcome<Attachment>> StoreAsync(Actor actor, int demandId, string kind, string fileName, Stream content,
        CancellationToken cancellationToken, int? version = null)
    {
        var stored = await files.PutAsync(content, cancellationToken);
        if (!stored.Succeeded) return stored.Errors.ToList();
        var attachment = new Attachment
        {
            OwnerType = OwnerType, OwnerId = demandId, Kind = kind, FileName = SafeFileName(fileName),
            Sha256 = stored.Value!.Sha256, ContentType = stored.Value.ContentType, Size = stored.Value.Size,
            PageCount = stored.Value.PageCount, UploadedAt = clock.GetUtcNow(), UploadedByUserId = actor.UserId!, Version = version,
        };
        store.Db.Attachments.Add(attachment);
        // One unit of work: the row and the audit entry naming its id.
        return await store.Db.InOneTransactionAsync<Outcome<Attachment>>(async () =>
        {
            await store.Db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "file.attached", OwnerType, demandId.ToString(), after: new
            {
                attachment.Id, attachment.Kind, attachment.FileName, attachment.Sha256, attachment.Size, attachment.PageCount, attachment.Version,
            });
            await store.Db.SaveChangesAsync(cancellationToken);
            return attachment;
        }, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<ScanView>>> ListAsync(Actor actor, int demandId, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, demandId, DemandAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        return (await ScansOf(demandId, cancellationToken)).ToList();
    }

    /// <summary>The demand's files, oldest first; a use case that checked access itself reads them here.</summary>
    public async Task<IReadOnlyList<ScanView>> ScansOf(int demandId, CancellationToken cancellationToken) =>
        await store.Db.Attachments.AsNoTracking().Where(a => a.OwnerType == OwnerType && a.OwnerId == demandId)
            .OrderBy(a => a.Id).Select(a => new ScanView(a.Id, a.FileName, a.ContentType, a.Size, a.PageCount, a.UploadedAt, a.Version))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Why the demand may not move on without the stamped scan of its current version, when its round
    /// asks for one [notice §4.3: 报送WORD文档和盖章扫描件]; null when it may.
    /// </summary>
    public async Task<Domain.Rules.RuleError?> WhyNotWithoutCurrentScanAsync(Demand demand, Round round, CancellationToken cancellationToken)
    {
        if (!round.Settings.RequiresStampedScanOfCurrentVersion || demand.LatestVersion is not { } version) return null;
        var has = await store.Db.Attachments.AnyAsync(a => a.OwnerType == OwnerType && a.OwnerId == demand.Id
            && a.Kind == StampedScan && a.Version == version.Number, cancellationToken);
        return has ? null : DemandErrors.ScanOfCurrentVersionRequired.At("scan", version.Number);
    }

    public sealed record Download(string FileName, string ContentType, Stream Content);

    public async Task<Outcome<Download>> OpenAsync(Actor actor, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var attachment = await store.Db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || attachment.OwnerType != OwnerType) return Outcome.NotFound();
        var loaded = await store.LoadForAsync(actor, attachment.OwnerId, DemandAccess.View, cancellationToken);
        if (!loaded.Succeeded) return loaded.Errors.ToList();
        await audit.RecordNowAsync(actor, "file.downloaded", nameof(Attachment), attachment.Id.ToString(),
            attachment.FileName, cancellationToken);
        return new Download(attachment.FileName, attachment.ContentType, files.OpenRead(attachment.Sha256));
    }

    static ScanView View(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.PageCount, a.UploadedAt, a.Version);

    /// <summary>Only the last segment of whatever path the browser sent, without control or path characters.</summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var cleaned = new string(last.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c is not ':' and not '*' and not '?' and not '"' and not '<' and not '>' and not '|').ToArray()).Trim().Trim('.');
        if (cleaned.Length > 200) cleaned = cleaned[^200..];
        return cleaned.Length == 0 ? "scan" : cleaned;
    }
}
