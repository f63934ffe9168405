using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Guidelines;

/// <summary>
/// Publishing a call (发榜) [notice §3]: a proposal round with a window still open ahead, and at
/// least one item, every draft complete. Publishing again publishes the drafts added since.
/// </summary>
public static class CallPublication
{
    public const int MaxNoticeText = 20_000;

    public static List<RuleError> Check(RoundKind kind, FilingWindow window, IReadOnlyList<GuidelineItem> items,
        bool alreadyPublished, DateTimeOffset now)
    {
        if (kind != RoundKind.ProposalCall) return [CallErrors.NotAProposalCall.At("callRoundId")];
        if (window.ClosesAt <= window.OpensAt) return [CallErrors.WindowRequired.At("closesAt")];
        if (now >= window.ClosesAt) return [CallErrors.Closed.At("", ChinaTime.Format(window.ClosesAt))];
        var drafts = items.Where(i => i.Status == GuidelineItemStatus.Draft).OrderBy(i => i.Number).ToList();
        if (items.All(i => i.Status == GuidelineItemStatus.Withdrawn)) return [CallErrors.NoItems.At("items")];
        if (drafts.Count == 0 && alreadyPublished) return [CallErrors.NothingToPublish.At("items")];
        var errors = new List<RuleError>();
        foreach (var item in drafts)
            foreach (var missing in item.WhyNotPublish())
                errors.Add(CallErrors.ItemIncomplete.At($"items.{item.Id}",
                    item.Number, item.Name.Length > 0 ? item.Name : "—",
                    new LocalizedText(missing.Message(Zh), missing.Message(En))));
        return errors;
    }

    /// <summary>Publishes every draft item of the call; the use case records when the call itself was.</summary>
    public static IReadOnlyList<GuidelineItem> Publish(IReadOnlyList<GuidelineItem> items, DateTimeOffset now)
    {
        var drafts = items.Where(i => i.Status == GuidelineItemStatus.Draft).ToList();
        foreach (var item in drafts) item.Publish(now);
        return drafts;
    }

    public static RuleError? CheckNotice(string? text) =>
        (text ?? "").Trim().Length is var length && length > MaxNoticeText
            ? CallErrors.NoticeTooLong.At("noticeText", MaxNoticeText, length) : null;

    static readonly System.Globalization.CultureInfo Zh = new("zh-CN"), En = new("en-US");
}
