using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Rounds;

/// <summary>The rules of a round: its title, kind, forms and taxonomy, its stages, and the range of its settings.</summary>
public static class RoundErrors
{
    public static readonly ErrorCode TitleRequired = ErrorCode.Invalid("ROUND_TITLE_REQUIRED", Clause.Notice("3"));
    public static readonly ErrorCode KindUnknown = ErrorCode.Invalid("ROUND_KIND_UNKNOWN", Clause.Notice("3"));
    public static readonly ErrorCode FormsRequired = ErrorCode.Invalid("ROUND_FORMS_REQUIRED", Clause.Notice("3"));
    public static readonly ErrorCode FormUnknown = ErrorCode.Invalid("ROUND_FORM_UNKNOWN", Clause.Notice("3"));
    public static readonly ErrorCode TaxonomyUnknown = ErrorCode.Invalid("ROUND_TAXONOMY_UNKNOWN", Clause.Notice("1"));
    public static readonly ErrorCode ClosesBeforeOpening = ErrorCode.Invalid("ROUND_CLOSES_BEFORE_OPENING", Clause.Notice("4.3"));
    public static readonly ErrorCode StageUnknown = ErrorCode.Invalid("ROUND_STAGE_UNKNOWN", Clause.Notice("4"));
    public static readonly ErrorCode StageDuplicate = ErrorCode.Invalid("ROUND_STAGE_DUPLICATE", Clause.Notice("4"));
    /// <summary>A stage's deadline binds everyone acting in it: recommenders forward by theirs [annex 4 §4.2].</summary>
    public static readonly ErrorCode StageClosed = ErrorCode.Conflict("ROUND_STAGE_CLOSED", Clause.Notice("4"));
    public static readonly ErrorCode StageNotOpen = ErrorCode.Conflict("ROUND_STAGE_NOT_OPEN", Clause.Notice("4"));
    public static readonly ErrorCode StageOutOfOrder = ErrorCode.Invalid("ROUND_STAGE_OUT_OF_ORDER", Clause.Notice("4"));
    public static readonly ErrorCode ShareOutOfRange = ErrorCode.Invalid("ROUND_SHARE_OUT_OF_RANGE", Clause.Annex(4, "2.2"));
    public static readonly ErrorCode QuotaClassUnknown = ErrorCode.Invalid("ROUND_QUOTA_CLASS_UNKNOWN", Clause.Annex(4, "3.2"));
    public static readonly ErrorCode ProjectEndsBeforeStart = ErrorCode.Invalid("ROUND_PROJECT_ENDS_BEFORE_START", Clause.Annex(4, "2.1"));
    public static readonly ErrorCode SettingsJson = ErrorCode.Invalid("ROUND_SETTINGS_JSON", Clause.Platform("round settings"));

    // The range of every value (RoundLimits); a call cites the clause of the setting it guards.
    static readonly string Limits = Clause.Platform("round limits");
    public static readonly ErrorCode DateOutOfRange = ErrorCode.Invalid("ROUND_DATE_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode AmountOutOfRange = ErrorCode.Invalid("ROUND_AMOUNT_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode QuotaOutOfRange = ErrorCode.Invalid("ROUND_QUOTA_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode ThresholdOutOfRange = ErrorCode.Invalid("ROUND_THRESHOLD_OUT_OF_RANGE", Limits);
}
