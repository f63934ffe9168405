using System.Text.Encodings.Web;
using System.Text.Json;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, so that a change and its entry are saved
/// in one transaction; <see cref="AuditChainer"/> chains them once they are committed.
/// </summary>
public sealed class AuditTrail(JiebangDbContext db, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Record(Actor actor, string action, string entityType, string entityId,
        object? before = null, object? after = null, string? reason = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            ActorUnitId = actor.UnitId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Reason = reason,
        });

    /// <summary>Records and saves at once, for events with no other change (sign-in, reveal, download).</summary>
    public async Task RecordNowAsync(Actor actor, string action, string entityType, string entityId,
        string? reason = null, CancellationToken cancellationToken = default)
    {
        Record(actor, action, entityType, entityId, reason: reason);
        await db.SaveChangesAsync(cancellationToken);
    }
}
