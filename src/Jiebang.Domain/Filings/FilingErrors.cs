using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Filings;

/// <summary>
/// The rules every filing kind shares, under the kind's code prefix (DEMAND_NOT_EDITABLE, …): a kind
/// catalogues its own instance (<c>DemandErrors.Filing</c>) with texts of its own wording.
/// </summary>
public sealed class FilingErrors(string prefix)
{
    /// <summary>The shared wording, for a filing kind that has none of its own.</summary>
    public static readonly FilingErrors Generic = new("FILING");

    /// <summary>Someone else acted on the filing between reading and saving it.</summary>
    public static readonly ErrorCode ChangedMeanwhile = ErrorCode.Conflict("FILING_CHANGED_MEANWHILE", Clause.Platform("concurrency"));

    public string Prefix => prefix;
    public ErrorCode NotEditable { get; } = ErrorCode.Conflict($"{prefix}_NOT_EDITABLE", Clause.Notice("4.3"));
    public ErrorCode NotWithdrawable { get; } = ErrorCode.Conflict($"{prefix}_NOT_WITHDRAWABLE", Clause.Notice("4.3"));
    /// <summary>Only a draft never submitted is deleted: anything once submitted keeps its record.</summary>
    public ErrorCode NotDeletable { get; } = ErrorCode.Conflict($"{prefix}_NOT_DELETABLE", Clause.Platform("drafts"));
    public ErrorCode HasErrors { get; } = ErrorCode.Invalid($"{prefix}_HAS_ERRORS", Clause.Notice("4.1"));
    public ErrorCode ReasonRequired { get; } = ErrorCode.Invalid($"{prefix}_REASON_REQUIRED", Clause.Notice("3"));
    public ErrorCode RoundNotOpen { get; } = ErrorCode.Invalid($"{prefix}_ROUND_NOT_OPEN", Clause.Notice("4.3"));
    public ErrorCode RoundClosed { get; } = ErrorCode.Invalid($"{prefix}_ROUND_CLOSED", Clause.Notice("4.3"));
}
