using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Files;

/// <summary>The rules of an uploaded file: its size, and a stamped scan judged by content [notice §4.3].</summary>
public static class FileErrors
{
    static readonly string Uploads = Clause.Notice("4.3");

    public static readonly ErrorCode Empty = ErrorCode.Invalid("FILE_EMPTY", Uploads);
    public static readonly ErrorCode TooLarge = ErrorCode.Invalid("FILE_TOO_LARGE", Uploads);
    public static readonly ErrorCode ImageWithMarkup = ErrorCode.Invalid("FILE_IMAGE_WITH_MARKUP", Uploads);
    public static readonly ErrorCode NotAScan = ErrorCode.Invalid("FILE_NOT_A_SCAN", Uploads);
    public static readonly ErrorCode PdfUnreadable = ErrorCode.Invalid("FILE_PDF_UNREADABLE", Uploads);
    public static readonly ErrorCode NotAllowedNow = ErrorCode.Invalid("FILE_NOT_ALLOWED_NOW", Uploads);
    /// <summary>The stamped scan is part of the filing: due, like the filing, by the round's deadline.</summary>
    public static readonly ErrorCode ScanAfterDeadline = ErrorCode.Invalid("FILE_SCAN_AFTER_DEADLINE", Uploads);

    /// <summary>Why a stamped scan may not be attached now: the round closed at <paramref name="closesAt"/>.</summary>
    public static RuleError? WhyNotScanNow(DateTimeOffset closesAt, DateTimeOffset now) =>
        now >= closesAt ? ScanAfterDeadline.At("file", Jiebang.Domain.Rounds.ChinaTime.Format(closesAt)) : null;
}
