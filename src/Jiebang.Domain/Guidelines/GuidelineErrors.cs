using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Guidelines;

/// <summary>The rules of compiling a challenge-list item (编制申报指南) [notice §3].</summary>
public static class GuidelineErrors
{
    static readonly string Compiling = Clause.Notice("3");
    static readonly string Limits = Clause.Platform("limits of input");

    public static readonly ErrorCode NameRequired = ErrorCode.Invalid("GUIDELINE_NAME_REQUIRED", Compiling);
    public static readonly ErrorCode AreaRequired = ErrorCode.Invalid("GUIDELINE_AREA_REQUIRED", Clause.Notice("1"));
    public static readonly ErrorCode GoalsRequired = ErrorCode.Invalid("GUIDELINE_GOALS_REQUIRED", Compiling);
    public static readonly ErrorCode ChannelRequired = ErrorCode.Invalid("GUIDELINE_CHANNEL_REQUIRED", Clause.Notice("2"));
    public static readonly ErrorCode TextTooLong = ErrorCode.Invalid("GUIDELINE_TEXT_TOO_LONG", Limits);
    public static readonly ErrorCode FundingOutOfRange = ErrorCode.Invalid("GUIDELINE_FUNDING_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode NumberUnreadable = ErrorCode.Invalid("GUIDELINE_NUMBER_UNREADABLE", Limits);
    public static readonly ErrorCode PeriodOutOfRange = ErrorCode.Invalid("GUIDELINE_PERIOD_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode DeadlineOutsideCall = ErrorCode.Invalid("GUIDELINE_DEADLINE_OUTSIDE_CALL", Clause.Notice("3"));
    public static readonly ErrorCode SourceRequired = ErrorCode.Invalid("GUIDELINE_SOURCE_REQUIRED", Compiling);
    public static readonly ErrorCode SourceNotAccepted = ErrorCode.Invalid("GUIDELINE_SOURCE_NOT_ACCEPTED", Compiling);
    public static readonly ErrorCode SourceNotFound = ErrorCode.Invalid("GUIDELINE_SOURCE_NOT_FOUND", Compiling);
    public static readonly ErrorCode SplitNeedsOneSource = ErrorCode.Invalid("GUIDELINE_SPLIT_ONE_SOURCE", Compiling);
    public static readonly ErrorCode SplitCountOutOfRange = ErrorCode.Invalid("GUIDELINE_SPLIT_COUNT_OUT_OF_RANGE", Compiling);
    public static readonly ErrorCode Withdrawn = ErrorCode.Conflict("GUIDELINE_WITHDRAWN", Compiling);
    public static readonly ErrorCode CallClosed = ErrorCode.Conflict("GUIDELINE_CALL_CLOSED", Clause.Notice("3"));
    public static readonly ErrorCode WithdrawReasonRequired = ErrorCode.Invalid("GUIDELINE_WITHDRAW_REASON_REQUIRED", Compiling);
    public static readonly ErrorCode ChangedMeanwhile = ErrorCode.Conflict("GUIDELINE_CHANGED_MEANWHILE", Clause.Platform("concurrency"));

    public static IReadOnlyList<ErrorCode> All =>
    [
        NameRequired, AreaRequired, GoalsRequired, ChannelRequired, TextTooLong, FundingOutOfRange, NumberUnreadable, PeriodOutOfRange,
        DeadlineOutsideCall, SourceRequired, SourceNotAccepted, SourceNotFound, SplitNeedsOneSource, SplitCountOutOfRange,
        Withdrawn, CallClosed, WithdrawReasonRequired, ChangedMeanwhile,
    ];
}

/// <summary>The rules of publishing a call (发榜) with its challenge list [notice §3].</summary>
public static class CallErrors
{
    static readonly string Publishing = Clause.Notice("3");

    public static readonly ErrorCode NotAProposalCall = ErrorCode.Invalid("CALL_NOT_A_PROPOSAL_CALL", Publishing);
    public static readonly ErrorCode Closed = ErrorCode.Conflict("CALL_CLOSED", Clause.Notice("4.3"));
    public static readonly ErrorCode WindowRequired = ErrorCode.Invalid("CALL_WINDOW_REQUIRED", Clause.Notice("4.3"));
    public static readonly ErrorCode NoItems = ErrorCode.Invalid("CALL_NO_ITEMS", Publishing);
    public static readonly ErrorCode NothingToPublish = ErrorCode.Conflict("CALL_NOTHING_TO_PUBLISH", Publishing);
    public static readonly ErrorCode ItemIncomplete = ErrorCode.Invalid("CALL_ITEM_INCOMPLETE", Publishing);
    public static readonly ErrorCode NoticeTooLong = ErrorCode.Invalid("CALL_NOTICE_TOO_LONG", Clause.Platform("limits of input"));

    public static IReadOnlyList<ErrorCode> All => [NotAProposalCall, Closed, WindowRequired, NoItems, NothingToPublish, ItemIncomplete, NoticeTooLong];
}
