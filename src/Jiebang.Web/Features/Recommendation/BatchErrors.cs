using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>The rules of a recommending level's batch and of the letters it generates [annex 4 §4.2].</summary>
public static class BatchErrors
{
    static readonly string Batch = Clause.Annex(4, "4.2");
    static readonly string Letters = Clause.Platform("letter templates");

    /// <summary>Args: {0} the document whose stamped scan is missing (推荐函, 推荐汇总表, 承诺书).</summary>
    public static readonly ErrorCode ScanMissing = ErrorCode.Invalid("BATCH_SCAN_MISSING", Batch);
    /// <summary>The batch went up already and cannot change.</summary>
    public static readonly ErrorCode AlreadySubmitted = ErrorCode.Conflict("BATCH_ALREADY_SUBMITTED", Batch);
    /// <summary>Args: {0} the proposal's id. It is not one of the level's recommended proposals still to forward.</summary>
    public static readonly ErrorCode NotCandidate = ErrorCode.Conflict("BATCH_PROPOSAL_NOT_CANDIDATE", Batch);
    /// <summary>Args: {0} the proposal's name, {1} the other draft batch's number.</summary>
    public static readonly ErrorCode InOtherBatch = ErrorCode.Conflict("BATCH_PROPOSAL_IN_OTHER_BATCH", Batch);
    /// <summary>The round is no call for proposals.</summary>
    public static readonly ErrorCode NotACall = ErrorCode.Invalid("BATCH_ROUND_NOT_A_CALL", Batch);
    /// <summary>The document named in an upload is none of the batch's three.</summary>
    public static readonly ErrorCode DocumentUnknown = ErrorCode.Invalid("BATCH_DOCUMENT_UNKNOWN", Batch);
    /// <summary>Args: {0} the field (标题, 正文).</summary>
    public static readonly ErrorCode TemplateTextRequired = ErrorCode.Invalid("LETTER_TEMPLATE_TEXT_REQUIRED", Letters);
    /// <summary>Args: {0} the unknown placeholder, {1} the placeholders there are.</summary>
    public static readonly ErrorCode TemplatePlaceholderUnknown = ErrorCode.Invalid("LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN", Letters);
}
