namespace Jiebang.Web.Features.Operations;

/// <summary>
/// What a backup archive holds (manifest.json, written last): the database dump of one provider, every
/// stored file by its SHA-256, the audit anchor, and the ids of the keys its encrypted data needs —
/// the keys themselves are never in it (docs/operations.md, Keys).
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string Provider,
    string LastMigration,
    string DatabaseEntry,
    string DatabaseSha256,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<BackupManifest.StoredFile> Files,
    bool HasAuditAnchor,
    string DataProtectionKeyId,
    string? AuditChainKeyId,
    string? LookupKeyId)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string AnchorEntry = "audit-anchor.json";

    public sealed record StoredFile(string Sha256, long Size);

    public static string FileEntry(string sha256) => $"files/{sha256[..2]}/{sha256}";
}
