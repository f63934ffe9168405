namespace Jiebang.Web.Data;

/// <summary>
/// One append-only line of the audit trail. <see cref="Hash"/> covers every field and the
/// previous entry's hash, so an edit behind the application's back breaks the chain.
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
}
