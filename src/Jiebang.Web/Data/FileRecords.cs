namespace Jiebang.Web.Data;

/// <summary>
/// An uploaded document attached to a record (a stamped scan of a submitted demand). The bytes are
/// stored once per SHA-256 under the storage root; this row holds what the uploader called it.
/// </summary>
public sealed class Attachment
{
    public long Id { get; set; }
    public required string OwnerType { get; set; }
    public int OwnerId { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int? PageCount { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedByUserId { get; set; } = "";
    /// <summary>The submitted version a stamped scan is a copy of; a later version makes it a scan of an older one.</summary>
    public int? Version { get; set; }
}
