namespace Jiebang.Domain.Demands;

/// <summary>One step in a demand's history, with the reviewer's reasons the owner reads.</summary>
public sealed class DemandEvent
{
    public long Id { get; private set; }
    public int DemandId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public int ActorUnitId { get; private set; }
    public DemandStatus From { get; private set; }
    public DemandStatus To { get; private set; }
    public string? Reason { get; private set; }

    DemandEvent() { }

    internal DemandEvent(int demandId, DateTimeOffset at, string actorUserId, int actorUnitId, DemandStatus from,
        DemandStatus to, string? reason)
    {
        DemandId = demandId;
        At = at;
        ActorUserId = actorUserId;
        ActorUnitId = actorUnitId;
        From = from;
        To = to;
        Reason = reason;
    }
}
