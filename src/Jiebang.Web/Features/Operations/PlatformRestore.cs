using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Operations;

/// <summary>
/// `jiebang restore ARCHIVE`: checks the archive whole (every hash), that the keys its data needs are
/// in Keys:Directory and that the target is empty (or --force), then replaces the database, puts the
/// files and the audit anchor back, checks the result against the manifest and records the restore.
/// The app must be stopped while it runs.
/// </summary>
public sealed class PlatformRestore(IServiceScopeFactory scopes, FileStore files, AuditChainFiles audit, KeyFiles keys)
{
    public async Task<Outcome<BackupManifest>> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("jiebang-restore-").FullName;
        try
        {
            var (manifest, unreadable) = await ExtractAsync(archivePath, work, cancellationToken);
            if (manifest is null) return BackupErrors.ArchiveUnreadable.At("archive", archivePath, unreadable ?? "");
            var errors = await CheckAsync(manifest, work, force, cancellationToken);
            if (errors.Count > 0) return errors;

            using (var scope = scopes.CreateScope())
                await DatabaseDump.RestoreAsync(scope.ServiceProvider.GetRequiredService<JiebangDbContext>(),
                    Path.Combine(work, manifest.DatabaseEntry), cancellationToken);
            foreach (var file in manifest.Files) PutFile(Path.Combine(work, BackupManifest.FileEntry(file.Sha256)), file.Sha256);
            var anchor = Path.Combine(work, BackupManifest.AnchorEntry);
            audit.RestoreAnchor(manifest.HasAuditAnchor ? await File.ReadAllBytesAsync(anchor, cancellationToken) : null);
            return await ConfirmAsync(manifest, cancellationToken);
        }
        catch (DumpToolException e)
        {
            return BackupErrors.DumpFailed.At("database", e.Tool, e.Message);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static async Task<(BackupManifest?, string?)> ExtractAsync(string archivePath, string work, CancellationToken cancellationToken)
    {
        try
        {
            await using (var input = File.OpenRead(archivePath))
            await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
                await TarFile.ExtractToDirectoryAsync(gzip, work, overwriteFiles: false, cancellationToken);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(
                await File.ReadAllBytesAsync(Path.Combine(work, BackupManifest.EntryName), cancellationToken), PlatformBackup.Json);
            return manifest?.Format == BackupManifest.CurrentFormat ? (manifest, null) : (null, "manifest format");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    async Task<List<RuleError>> CheckAsync(BackupManifest manifest, string work, bool force, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        if (manifest.Provider != db.Database.ProviderName)
            errors.Add(BackupErrors.ProviderDiffers.At("archive", manifest.Provider, db.Database.ProviderName ?? ""));
        if (await PlatformBackup.Sha256Async(Path.Combine(work, manifest.DatabaseEntry), cancellationToken) != manifest.DatabaseSha256)
            errors.Add(BackupErrors.Damaged.At("archive", manifest.DatabaseEntry));
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(work, BackupManifest.FileEntry(file.Sha256));
            if (!File.Exists(path) || await PlatformBackup.Sha256Async(path, cancellationToken) != file.Sha256)
                errors.Add(BackupErrors.Damaged.At("archive", BackupManifest.FileEntry(file.Sha256)));
        }
        if (keys.FindDataProtectionKey(manifest.DataProtectionKeyId) is null)
            errors.Add(BackupErrors.KeyMissing.At("keys", keys.PathOf(KeyFiles.DataProtection), manifest.DataProtectionKeyId));
        if (manifest.AuditChainKeyId is { } chainKeyId && (audit.ReadKey() is not { } chainKey || KeyFiles.IdOf(chainKey) != chainKeyId))
            errors.Add(BackupErrors.KeyMissing.At("keys", audit.KeyPath, chainKeyId));
        if (manifest.LookupKeyId is { } lookupId && (!File.Exists(keys.PathOf(KeyFiles.Lookup)) || KeyFiles.IdOf(keys.LookupKey) != lookupId))
            errors.Add(BackupErrors.KeyMissing.At("keys", keys.PathOf(KeyFiles.Lookup), lookupId));
        if (!force && (await db.Units.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken)))
            errors.Add(BackupErrors.TargetNotEmpty.At("database", await db.Units.CountAsync(cancellationToken), await db.Users.CountAsync(cancellationToken)));
        return errors;
    }

    void PutFile(string source, string sha256)
    {
        var target = Path.Combine(files.Root, sha256[..2], sha256);
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".restoring";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The restored database holds what the manifest counted, every attachment's file is there, and the restore is recorded.</summary>
    async Task<Outcome<BackupManifest>> ConfirmAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var counts = await TableCounts.OfAsync(db, cancellationToken);
        var errors = manifest.Counts.Where(c => counts.GetValueOrDefault(c.Key) != c.Value)
            .Select(c => BackupErrors.Damaged.At("database", $"{c.Key}: {c.Value} → {counts.GetValueOrDefault(c.Key)}")).ToList();
        var stored = manifest.Files.Select(f => f.Sha256).ToHashSet();
        errors.AddRange((await db.Attachments.Select(a => a.Sha256).Distinct().ToListAsync(cancellationToken))
            .Where(sha => !stored.Contains(sha) && !File.Exists(Path.Combine(files.Root, sha[..2], sha)))
            .Select(sha => BackupErrors.Damaged.At("files", BackupManifest.FileEntry(sha))));
        if (errors.Count > 0) return errors;
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(Actor.System, "platform.restored", "Backup",
            manifest.CreatedAt.ToString("O"), after: new { manifest.LastMigration, manifest.Counts });
        await db.SaveChangesAsync(cancellationToken);
        return manifest;
    }
}
