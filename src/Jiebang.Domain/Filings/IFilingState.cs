namespace Jiebang.Domain.Filings;

/// <summary>
/// What the lifecycle reads and writes of a filing. A filing kind (a demand, a proposal) implements
/// it explicitly, so only <see cref="FilingLifecycle{TStatus}"/> moves its state, versions and events.
/// </summary>
public interface IFilingState<TStatus> where TStatus : struct, Enum
{
    int Id { get; }
    int RoundId { get; }
    TStatus Status { get; set; }
    string DraftJson { get; set; }
    DateTimeOffset? SubmittedAt { get; set; }
    List<FilingVersion<TStatus>> VersionList { get; }
    List<FilingEvent<TStatus>> EventList { get; }

    /// <summary>Marks the record changed (its update time and concurrency stamp).</summary>
    void Touch(DateTimeOffset now);
}

/// <summary>Which of a filing kind's states are the lifecycle's own.</summary>
public sealed record FilingStates<TStatus>(TStatus Draft, TStatus Submitted, TStatus Returned, TStatus Withdrawn)
    where TStatus : struct, Enum;
