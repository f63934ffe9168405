using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// The rules of the form engine. Most cite the clause of whichever form is checked (annex 1, annex 2,
/// …), given at the call; the ceilings on any value are the platform's own.
/// </summary>
public static class FormErrors
{
    public static readonly ErrorCode Required = ErrorCode.OfForm("FORM_REQUIRED");
    public static readonly ErrorCode ValueInvalid = ErrorCode.OfForm("FORM_VALUE_INVALID");
    public static readonly ErrorCode TextTooLong = ErrorCode.OfForm("FORM_TEXT_TOO_LONG");
    public static readonly ErrorCode TextLongerThanAbout = ErrorCode.OfForm("FORM_TEXT_LONGER_THAN_ABOUT");
    public static readonly ErrorCode ChoiceUnknown = ErrorCode.OfForm("FORM_CHOICE_UNKNOWN");
    public static readonly ErrorCode AreaUnknown = ErrorCode.OfForm("FORM_AREA_UNKNOWN");
    public static readonly ErrorCode DirectionNotInArea = ErrorCode.OfForm("FORM_DIRECTION_NOT_IN_AREA");
    public static readonly ErrorCode DirectionRequired = ErrorCode.OfForm("FORM_DIRECTION_REQUIRED");
    public static readonly ErrorCode SectionTooFew = ErrorCode.OfForm("FORM_SECTION_TOO_FEW");
    public static readonly ErrorCode TableTooFewRows = ErrorCode.OfForm("FORM_TABLE_TOO_FEW_ROWS");
    public static readonly ErrorCode TableTooManyRows = ErrorCode.OfForm("FORM_TABLE_TOO_MANY_ROWS");
    public static readonly ErrorCode TablePresetFixed = ErrorCode.OfForm("FORM_TABLE_PRESET_FIXED");
    public static readonly ErrorCode AmountNotANumber = ErrorCode.OfForm("FORM_AMOUNT_NOT_A_NUMBER");
    public static readonly ErrorCode AmountNegative = ErrorCode.OfForm("FORM_AMOUNT_NEGATIVE");
    public static readonly ErrorCode AmountTooPrecise = ErrorCode.OfForm("FORM_AMOUNT_TOO_PRECISE");
    public static readonly ErrorCode AmountTooLarge = ErrorCode.OfForm("FORM_AMOUNT_TOO_LARGE");
    public static readonly ErrorCode AmountSumMismatch = ErrorCode.OfForm("FORM_AMOUNT_SUM_MISMATCH");
    public static readonly ErrorCode RequiredForWoman = ErrorCode.OfForm("FORM_REQUIRED_FOR_WOMAN");
    public static readonly ErrorCode AmountExceedsWhole = ErrorCode.OfForm("FORM_AMOUNT_EXCEEDS_WHOLE");
    public static readonly ErrorCode YearsNotAllowed = ErrorCode.OfForm("FORM_YEARS_NOT_ALLOWED");
    public static readonly ErrorCode EmailFormat = ErrorCode.OfForm("FORM_EMAIL_FORMAT");
    public static readonly ErrorCode DateFormat = ErrorCode.OfForm("FORM_DATE_FORMAT");

    // The ceilings on anything sent as a form's values, whatever the form says (FormLimits).
    static readonly string Limits = Clause.Platform("limits");
    public static readonly ErrorCode TextOverCeiling = ErrorCode.Invalid("FORM_TEXT_OVER_CEILING", Limits);
    public static readonly ErrorCode RowsOverCeiling = ErrorCode.Invalid("FORM_ROWS_OVER_CEILING", Limits);
    public static readonly ErrorCode KeyOverCeiling = ErrorCode.Invalid("FORM_KEY_OVER_CEILING", Limits);
    public static readonly ErrorCode KeysOverCeiling = ErrorCode.Invalid("FORM_KEYS_OVER_CEILING", Limits);
}
