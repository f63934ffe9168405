using System.Security.Cryptography;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// Content-addressed storage: each file lives once under its SHA-256. An upload is streamed to a
/// temporary file while it is hashed and measured, checked by content, then renamed into place,
/// so a crash never leaves half a file where a reader could find it.
/// </summary>
public sealed class FileStore(IConfiguration configuration)
{
    public string Root { get; } = Path.GetFullPath(configuration["Storage:Root"] ?? Path.Combine("data", "files"));
    public long MaxUploadBytes { get; } = configuration.GetValue("Storage:MaxUploadBytes", 20L * 1024 * 1024);

    public sealed record Stored(string Sha256, long Size, string ContentType, int? PageCount);

    public async Task<Outcome<Stored>> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var temporary = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        try
        {
            string sha;
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxUploadBytes)
                        return FileErrors.TooLarge.At("file", MaxUploadBytes / 1024 / 1024);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                // On the disk before the row that names it commits: a power cut must not keep the row and lose the bytes.
                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (size == 0) return FileErrors.Empty.At("file");
            var inspected = UploadInspector.Inspect(temporary);
            if (!inspected.Succeeded) return inspected.Errors.ToList();

            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            try
            {
                if (!File.Exists(final)) File.Move(temporary, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // The same bytes arrived twice at once; the other upload put them in place.
            }
            return new Stored(sha, size, inspected.Value!.ContentType, inspected.Value.PageCount);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Removes the temporary files of uploads cut off by a crash (a finally block does not run under kill -9).
    /// Only old ones: another instance on the same store may be receiving an upload right now.
    /// </summary>
    public int RemoveAbandonedUploads(TimeSpan olderThan)
    {
        var directory = Path.Combine(Root, "tmp");
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc < olderThan) continue;
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException) { } // still open somewhere: left for the next start
        }
        return removed;
    }

    public Stream OpenRead(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    string PathOf(string sha256) => sha256.Length < 2 ? Root : Path.Combine(Root, sha256[..2], sha256);
}
