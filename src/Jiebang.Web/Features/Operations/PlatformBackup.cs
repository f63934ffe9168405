using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Operations;

/// <summary>
/// `jiebang backup`: one .tar.gz with the database dump, every stored file and the audit anchor, and a
/// manifest naming the keys the data needs. Taken while the platform runs: the anchor first (the chain
/// only grows, so the dump's chain reaches it), then the database, then the files (files are only ever
/// added, so every file the dump refers to is already stored).
/// </summary>
public sealed class PlatformBackup(JiebangDbContext db, FileStore files, AuditChainFiles audit, KeyFiles keys, TimeProvider clock)
{
    public async Task<BackupManifest> WriteAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("jiebang-backup-").FullName;
        try
        {
            var anchor = File.Exists(audit.AnchorPath) ? await File.ReadAllBytesAsync(audit.AnchorPath, cancellationToken) : null;
            var dumpEntry = DatabaseDump.EntryName(db);
            var dumpPath = Path.Combine(work, dumpEntry);
            await DatabaseDump.WriteAsync(db, dumpPath, cancellationToken);
            var stored = StoredFiles().ToList();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), db.Database.ProviderName ?? "",
                (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "", dumpEntry,
                await Sha256Async(dumpPath, cancellationToken), await TableCounts.OfAsync(db, cancellationToken),
                stored.Select(f => new BackupManifest.StoredFile(f.Sha256, f.Size)).ToList(), anchor is not null,
                KeyFiles.IdOf(keys.DataProtectionKey), audit.ReadKey() is { } chainKey ? KeyFiles.IdOf(chainKey) : null,
                KeyFiles.IdOf(keys.LookupKey));

            var temporary = archivePath + ".partial";
            await using (var output = File.Create(temporary))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                await tar.WriteEntryAsync(dumpPath, dumpEntry, cancellationToken);
                foreach (var file in stored)
                    await tar.WriteEntryAsync(file.Path, BackupManifest.FileEntry(file.Sha256), cancellationToken);
                if (anchor is not null) await WriteBytesAsync(tar, BackupManifest.AnchorEntry, anchor, cancellationToken);
                await WriteBytesAsync(tar, BackupManifest.EntryName, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), cancellationToken);
            }
            File.Move(temporary, archivePath, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    IEnumerable<(string Path, string Sha256, long Size)> StoredFiles()
    {
        if (!Directory.Exists(files.Root)) yield break;
        foreach (var directory in Directory.EnumerateDirectories(files.Root).Order(StringComparer.Ordinal))
            foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.Length == 64 && name.StartsWith(Path.GetFileName(directory), StringComparison.Ordinal) && name.All(char.IsAsciiHexDigitLower))
                    yield return (path, name, new FileInfo(path).Length);
            }
    }

    static async Task WriteBytesAsync(TarWriter tar, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    internal static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

/// <summary>The number of rows in each table of the model, to compare a restore with its backup.</summary>
public static class TableCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> OfAsync(JiebangDbContext db, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            // The table names are the model's own, never input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
        }
        return counts;
    }
}
