namespace Jiebang.Web.Data;

/// <summary>
/// The one row (<see cref="Id"/> = 1) that says how far the audit chainer has linked the trail.
/// Only the chainer reads it for update; business transactions never touch it.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The last chained entry's id (0 when none).</summary>
    public long LastId { get; set; }

    /// <summary>The last chained entry's hash: the link the next entry is chained to.</summary>
    public string LastHash { get; set; } = "";

    /// <summary>Entries up to this id carry the unkeyed SHA-256 chain they were written with.</summary>
    public long LegacyThroughId { get; set; }
}
