using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Similarity;

/// <summary>The rules of an import of historical projects for 查重 [annex 4 §3.1.3].</summary>
public static class SimilarityErrors
{
    static readonly string Import = Clause.Annex(4, "3.1.3");

    public static readonly ErrorCode ImportUnreadable = ErrorCode.Invalid("IMPORT_UNREADABLE", Import);
    public static readonly ErrorCode ImportNameRequired = ErrorCode.Invalid("IMPORT_NAME_REQUIRED", Import);
    public static readonly ErrorCode ImportAbstractTooShort = ErrorCode.Invalid("IMPORT_ABSTRACT_TOO_SHORT", Import);
    public static readonly ErrorCode ImportYearInvalid = ErrorCode.Invalid("IMPORT_YEAR_INVALID", Import);
}
