using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Integrity;

/// <summary>The rules of a blacklist import: the file's limits and each row's fields [annex 4 §3.1.1].</summary>
public static class BlacklistErrors
{
    static readonly string Limits = Clause.Platform("limits of input");
    static readonly string Integrity = Clause.Annex(4, "3.1.1");

    public static readonly ErrorCode FileEmpty = ErrorCode.Invalid("BLACKLIST_FILE_EMPTY", Limits);
    public static readonly ErrorCode FileTooLarge = ErrorCode.Invalid("BLACKLIST_FILE_TOO_LARGE", Limits);
    public static readonly ErrorCode FileExpandsTooLarge = ErrorCode.Invalid("BLACKLIST_FILE_EXPANDS_TOO_LARGE", Limits);
    public static readonly ErrorCode FileUnreadable = ErrorCode.Invalid("BLACKLIST_FILE_UNREADABLE", Limits);
    public static readonly ErrorCode TooManyRows = ErrorCode.Invalid("BLACKLIST_TOO_MANY_ROWS", Limits);
    public static readonly ErrorCode ColumnMissing = ErrorCode.Invalid("BLACKLIST_COLUMN_MISSING", Integrity);
    public static readonly ErrorCode KindUnknown = ErrorCode.Invalid("BLACKLIST_KIND_UNKNOWN", Integrity);
    public static readonly ErrorCode IdentifierInvalid = ErrorCode.Invalid("BLACKLIST_IDENTIFIER_INVALID", Integrity);
    public static readonly ErrorCode IdentifierAsNumber = ErrorCode.Invalid("BLACKLIST_IDENTIFIER_AS_NUMBER", Integrity);
    public static readonly ErrorCode Required = ErrorCode.Invalid("BLACKLIST_REQUIRED", Integrity);
    public static readonly ErrorCode TextTooLong = ErrorCode.Invalid("BLACKLIST_TEXT_TOO_LONG", Limits);
    public static readonly ErrorCode DateInvalid = ErrorCode.Invalid("BLACKLIST_DATE_INVALID", Integrity);
    public static readonly ErrorCode DateOutOfRange = ErrorCode.Invalid("BLACKLIST_DATE_OUT_OF_RANGE", Limits);
    public static readonly ErrorCode ListedInFuture = ErrorCode.Invalid("BLACKLIST_LISTED_IN_FUTURE", Integrity);
    public static readonly ErrorCode ExpiresBeforeListed = ErrorCode.Invalid("BLACKLIST_EXPIRES_BEFORE_LISTED", Integrity);
    public static readonly ErrorCode PreviewNotFound = ErrorCode.NotFound("BLACKLIST_PREVIEW_NOT_FOUND", Limits);

    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        FileEmpty, FileTooLarge, FileExpandsTooLarge, FileUnreadable, TooManyRows, ColumnMissing, KindUnknown,
        IdentifierInvalid, IdentifierAsNumber, Required, TextTooLong, DateInvalid, DateOutOfRange, ListedInFuture,
        ExpiresBeforeListed, PreviewNotFound,
    ];
}
