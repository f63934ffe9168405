namespace Jiebang.Web.Data;

/// <summary>
/// One append-only line of the audit trail. A business transaction inserts it with an empty
/// <see cref="Hash"/>; the audit chainer (Features/Audit/AuditChainer) later links it to the
/// entry before it (<see cref="PreviousHash"/>) and keys it with an HMAC over every field, its
/// id and <see cref="GapBefore"/>, so an edit, a deletion or a renumbering behind the
/// application's back breaks the chain. Entries up to <see cref="AuditChainHead.LegacyThroughId"/>
/// were written before the key existed and carry a plain SHA-256 chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public int? ActorUnitId { get; set; }
    public required string Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>How many ids before this one the chainer found missing for good (rolled back) and recorded.</summary>
    public int GapBefore { get; set; }

    public bool IsChained => Hash.Length > 0;
}
