using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// The stamped scans of any submitted filing [notice §4.3], keyed by its kind's owner type and its id:
/// its own unit attaches them; whoever may read the filing may download them, and every download is in
/// the audit trail. Who may do what is the filing kind's answer (<see cref="IFilingFiles"/>).
/// </summary>
public sealed class FilingScans(JiebangDbContext db, IEnumerable<IFilingFiles> kinds, FileStore files, AuditTrail audit, TimeProvider clock)
{
    public const string StampedScan = "StampedScan";

    /// <summary>A scan, with the submitted version it is the stamped copy of (null for files of a draft's field).</summary>
    public sealed record ScanView(long Id, string FileName, string ContentType, long Size, int? PageCount, DateTimeOffset UploadedAt,
        int? Version);

    IFilingFiles? KindOf(string ownerType) => kinds.FirstOrDefault(k => k.OwnerType == ownerType);

    public async Task<Outcome<ScanView>> AttachAsync(Actor actor, string ownerType, int id, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        if (KindOf(ownerType) is not { } kind) return Outcome.NotFound();
        var version = await kind.CurrentVersionForScanAsync(actor, id, cancellationToken);
        if (!version.Succeeded) return version.Errors.ToList();
        var stored = await StoreAsync(actor, ownerType, id, StampedScan, fileName, content, cancellationToken, version.Value);
        return stored.Succeeded ? View(stored.Value!) : stored.Errors.ToList();
    }

    /// <summary>
    /// Checks and stores a file of a filing (a scan, or an attachment field's file when the kind is
    /// "field:key"), records it and audits it. The caller has checked who may attach.
    /// </summary>
    public async Task<Outcome<Attachment>> StoreAsync(Actor actor, string ownerType, int id, string kind, string fileName, Stream content,
        CancellationToken cancellationToken, int? version = null)
    {
        var stored = await files.PutAsync(content, cancellationToken);
        if (!stored.Succeeded) return stored.Errors.ToList();
        var attachment = new Attachment
        {
            OwnerType = ownerType, OwnerId = id, Kind = kind, FileName = SafeFileName(fileName),
            Sha256 = stored.Value!.Sha256, ContentType = stored.Value.ContentType, Size = stored.Value.Size,
            PageCount = stored.Value.PageCount, UploadedAt = clock.GetUtcNow(), UploadedByUserId = actor.UserId!, Version = version,
        };
        db.Attachments.Add(attachment);
        // One unit of work: the row and the audit entry naming its id.
        return await db.InOneTransactionAsync<Outcome<Attachment>>(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "file.attached", ownerType, id.ToString(), after: new
            {
                attachment.Id, attachment.Kind, attachment.FileName, attachment.Sha256, attachment.Size, attachment.PageCount, attachment.Version,
            });
            await db.SaveChangesAsync(cancellationToken);
            return attachment;
        }, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<ScanView>>> ListAsync(Actor actor, string ownerType, int id, CancellationToken cancellationToken = default)
    {
        if (KindOf(ownerType) is not { } kind) return Outcome.NotFound();
        var readable = await kind.CheckReadAsync(actor, id, cancellationToken);
        if (!readable.Succeeded) return readable.Errors.ToList();
        return (await ScansOf(ownerType, id, cancellationToken)).ToList();
    }

    /// <summary>The filing's files, oldest first; a use case that checked access itself reads them here.</summary>
    public async Task<IReadOnlyList<ScanView>> ScansOf(string ownerType, int id, CancellationToken cancellationToken) =>
        await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ownerType && a.OwnerId == id)
            .OrderBy(a => a.Id).Select(a => new ScanView(a.Id, a.FileName, a.ContentType, a.Size, a.PageCount, a.UploadedAt, a.Version))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Why the filing may not move on without the stamped scan of its current version, when its round
    /// asks for one [notice §4.3: 报送WORD文档和盖章扫描件]; null when it may.
    /// </summary>
    public async Task<RuleError?> WhyNotWithoutCurrentScanAsync(string ownerType, int id, int? currentVersion, Round round,
        ErrorCode scanRequired, CancellationToken cancellationToken)
    {
        if (!round.Settings.RequiresStampedScanOfCurrentVersion || currentVersion is not { } version) return null;
        var has = await db.Attachments.AnyAsync(a => a.OwnerType == ownerType && a.OwnerId == id
            && a.Kind == StampedScan && a.Version == version, cancellationToken);
        return has ? null : scanRequired.At("scan", version);
    }

    public sealed record Download(string FileName, string ContentType, Stream Content);

    public async Task<Outcome<Download>> OpenAsync(Actor actor, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null || KindOf(attachment.OwnerType) is not { } kind) return Outcome.NotFound();
        var readable = await kind.CheckReadAsync(actor, attachment.OwnerId, cancellationToken);
        if (!readable.Succeeded) return readable.Errors.ToList();
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
