namespace Jiebang.Domain.Filings;

/// <summary>One step in a filing's history: who moved it, from where to where, and why.</summary>
public sealed class FilingEvent<TStatus> where TStatus : struct, Enum
{
    public long Id { get; private set; }
    public int FilingId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public int ActorUnitId { get; private set; }
    public TStatus From { get; private set; }
    public TStatus To { get; private set; }
    public string? Reason { get; private set; }

    FilingEvent() { }

    internal FilingEvent(int filingId, DateTimeOffset at, FilingActor by, TStatus from, TStatus to, string? reason)
    {
        FilingId = filingId;
        At = at;
        ActorUserId = by.UserId;
        ActorUnitId = by.UnitId;
        From = from;
        To = to;
        Reason = reason;
    }
}

/// <summary>The person who takes a step, and the unit they act for.</summary>
public sealed record FilingActor(string UserId, int UnitId);
