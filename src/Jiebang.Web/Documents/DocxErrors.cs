using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>
/// The rules of a filled-in Word form [notice §4.3]: the package itself, then each value cell read
/// from it (DOCX_FIELD_*, warnings naming the field so that the filer checks it).
/// </summary>
public static class DocxErrors
{
    static readonly string Forms = Clause.Notice("4.3");

    public static readonly ErrorCode Empty = ErrorCode.Invalid("DOCX_EMPTY", Forms);
    public static readonly ErrorCode TooLarge = ErrorCode.Invalid("DOCX_TOO_LARGE", Forms);
    public static readonly ErrorCode Encrypted = ErrorCode.Invalid("DOCX_ENCRYPTED", Forms);
    public static readonly ErrorCode NotWord = ErrorCode.Invalid("DOCX_NOT_WORD", Forms);
    public static readonly ErrorCode Unreadable = ErrorCode.Invalid("DOCX_UNREADABLE", Forms);
    public static readonly ErrorCode PartTooLarge = ErrorCode.Invalid("DOCX_PART_TOO_LARGE", Forms);
    public static readonly ErrorCode ExpandedTooLarge = ErrorCode.Invalid("DOCX_EXPANDED_TOO_LARGE", Forms);
    public static readonly ErrorCode TableTooManyRows = ErrorCode.Invalid("DOCX_TABLE_TOO_MANY_ROWS", Forms);
    public static readonly ErrorCode NoFields = ErrorCode.Invalid("DOCX_NO_FIELDS", Forms);

    public static readonly ErrorCode FieldMissing = ErrorCode.Invalid("DOCX_FIELD_MISSING", Forms);
    public static readonly ErrorCode FieldChoiceUnknown = ErrorCode.Invalid("DOCX_FIELD_CHOICE_UNKNOWN", Forms);
    public static readonly ErrorCode FieldChoiceSeveral = ErrorCode.Invalid("DOCX_FIELD_CHOICE_SEVERAL", Forms);
    public static readonly ErrorCode FieldAmount = ErrorCode.Invalid("DOCX_FIELD_AMOUNT", Forms);
    public static readonly ErrorCode FieldYears = ErrorCode.Invalid("DOCX_FIELD_YEARS", Forms);
    public static readonly ErrorCode FieldAreaUnknown = ErrorCode.Invalid("DOCX_FIELD_AREA_UNKNOWN", Forms);
    public static readonly ErrorCode FieldAreaSeveral = ErrorCode.Invalid("DOCX_FIELD_AREA_SEVERAL", Forms);
    public static readonly ErrorCode FieldAreaMismatch = ErrorCode.Invalid("DOCX_FIELD_AREA_MISMATCH", Forms);
    public static readonly ErrorCode FieldTable = ErrorCode.Invalid("DOCX_FIELD_TABLE", Forms);
    public static readonly ErrorCode FieldTableUneven = ErrorCode.Invalid("DOCX_FIELD_TABLE_UNEVEN", Forms);
}
