using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// What a level uploads stamped and scanned with its batch [annex 4 §4.2: 推荐函和系统导出的推荐汇总表、承诺书盖章后扫描上传].
/// </summary>
public enum BatchDocument
{
    RecommendationLetter = 0, // 推荐函
    Summary = 1,              // 推荐汇总表（拟支持项目建议表）
    CommitmentLetter = 2,     // 承诺书
}

public static class BatchDocuments
{
    public static readonly IReadOnlyList<BatchDocument> All = Enum.GetValues<BatchDocument>();

    /// <summary>The attachment kind of the document's stamped scan.</summary>
    public static string ScanKind(this BatchDocument document) => "BatchScan:" + document;

    public static BatchDocument? FromScanKind(string kind) =>
        kind.StartsWith("BatchScan:", StringComparison.Ordinal) && Enum.TryParse<BatchDocument>(kind["BatchScan:".Length..], out var d)
            && Enum.IsDefined(d) ? d : null;

    public static LocalizedText Name(this BatchDocument document) => document switch
    {
        BatchDocument.RecommendationLetter => new("推荐函", "recommendation letter"),
        BatchDocument.Summary => new("推荐汇总表", "recommendation summary"),
        _ => new("承诺书", "commitment letter"),
    };

    /// <summary>The template a letter is generated from; the summary has none (it is annex 4's 附件1).</summary>
    public static string? TemplateKey(this BatchDocument document) => document switch
    {
        BatchDocument.RecommendationLetter => LetterTemplates.RecommendationLetter,
        BatchDocument.CommitmentLetter => LetterTemplates.CommitmentLetter,
        _ => null,
    };
}
