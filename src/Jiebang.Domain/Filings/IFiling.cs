using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Filings;

/// <summary>
/// A filing as the use cases every kind shares read and move it: whose it is, on which form, under which
/// title, and the filer's two steps (submit, withdraw) that a kind may guard further (a proposal already at
/// a higher level is not withdrawn). A demand and a proposal implement it with their own public members.
/// </summary>
public interface IFiling<TStatus> : IFilingState<TStatus> where TStatus : struct, Enum
{
    int OwnerUnitId { get; }
    int? RecommenderUnitId { get; }
    string FormKey { get; }
    int FormVersion { get; }
    string Title { get; }
    bool IsEditable { get; }
    FilingVersion<TStatus>? LatestVersion { get; }

    /// <summary>Freezes the draft as a new version with a receipt, unless a finding is an error.</summary>
    RuleError? Submit(FilingWindow window, IReadOnlyList<RuleError> findings, FilingActor by, DateTimeOffset now);

    /// <summary>The filer takes a submitted filing back before anyone acted on it and before the deadline.</summary>
    RuleError? Withdraw(FilingWindow window, FilingActor by, DateTimeOffset now);
}
