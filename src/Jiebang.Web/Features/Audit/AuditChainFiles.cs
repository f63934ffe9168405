using System.Security.Cryptography;
using System.Text.Json;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// What the audit chain keeps outside the database: its HMAC key (<c>audit-chain.key</c>) and the
/// anchor of its head (<c>audit-anchor.json</c>), both in <c>Keys:Directory</c> (default
/// <c>data/keys</c> under the content root, beside the SQLite database); <c>Audit:AnchorFile</c>
/// moves the anchor elsewhere. Someone holding a copy of the database alone can neither recompute
/// the chain nor cut entries off its end unnoticed.
/// </summary>
public sealed class AuditChainFiles
{
    public const string KeyFileName = "audit-chain.key";
    public const string AnchorFileName = "audit-anchor.json";

    public string KeyPath { get; }
    public string AnchorPath { get; }

    public AuditChainFiles(IConfiguration configuration, string contentRoot)
    {
        var directory = Security.KeyFiles.DirectoryOf(configuration, contentRoot);
        KeyPath = Path.Combine(directory, KeyFileName);
        AnchorPath = configuration["Audit:AnchorFile"] is { Length: > 0 } anchor
            ? Path.GetFullPath(anchor, contentRoot) : Path.Combine(directory, AnchorFileName);
    }

    /// <summary>The last chained entry the platform wrote down outside the database.</summary>
    public sealed record Anchor(long LastId, string LastHash, DateTimeOffset At);

    /// <summary>The key, or null when the file does not exist.</summary>
    public byte[]? ReadKey() =>
        File.Exists(KeyPath) ? Convert.FromBase64String(File.ReadAllText(KeyPath).Trim()) : null;

    /// <summary>The key, made (256 random bits, readable by the app's user only) on first use.</summary>
    public byte[] ReadOrCreateKey()
    {
        if (ReadKey() is { } key) return key;
        key = RandomNumberGenerator.GetBytes(32);
        WriteAtomically(KeyPath, Convert.ToBase64String(key), overwrite: false);
        // Another instance sharing the directory may have won the race: its key is the one.
        return ReadKey()!;
    }

    public Anchor? ReadAnchor() =>
        File.Exists(AnchorPath) ? JsonSerializer.Deserialize<Anchor>(File.ReadAllText(AnchorPath), JsonSerializerOptions.Web) : null;

    /// <summary>Replaces the anchor (temporary file, then rename), unless it already names a later entry.</summary>
    public void WriteAnchor(Anchor anchor)
    {
        if (ReadAnchor() is { } current && current.LastId > anchor.LastId) return;
        WriteAtomically(AnchorPath, JsonSerializer.Serialize(anchor, JsonSerializerOptions.Web), overwrite: true);
    }

    /// <summary>
    /// Puts back the anchor a backup was taken with (none when it had none): a restore goes back to
    /// that point on purpose, which <see cref="WriteAnchor"/> alone would refuse.
    /// </summary>
    public void RestoreAnchor(byte[]? content)
    {
        if (content is null) File.Delete(AnchorPath);
        else WriteAtomically(AnchorPath, System.Text.Encoding.UTF8.GetString(content), overwrite: true);
    }

    static void WriteAtomically(string path, string text, bool overwrite)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            if (overwrite || !File.Exists(path)) File.Move(temporary, path, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
