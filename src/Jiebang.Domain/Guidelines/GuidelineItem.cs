using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Guidelines;

/// <summary>
/// One item of a call's challenge list (榜单项), compiled by staff from accepted demands (its
/// lineage, 来源需求): what must be achieved, who may take it up, through which support channel,
/// with what funding and period. Applicants take an item up with a proposal.
/// A draft is staff's alone; it becomes public when its call is published. A published item may be
/// corrected until its call closes, and is never deleted: withdrawn (撤榜), it stays readable as
/// withdrawn with its reason, so that a unit that read it learns why it went.
/// </summary>
public sealed class GuidelineItem
{
    readonly List<GuidelineItemSource> _sources = [];

    public int Id { get; private set; }
    /// <summary>The call (a round of kind proposal) the item is published in.</summary>
    public int CallRoundId { get; private set; }
    /// <summary>The item's number in its call (榜单编号), in the order staff compiled them.</summary>
    public int Number { get; private set; }
    public GuidelineItemStatus Status { get; private set; }
    public string Name { get; private set; } = "";
    public string Area { get; private set; } = "";
    public string Direction { get; private set; } = "";
    /// <summary>What must be achieved, with its indicators (攻关目标及考核指标).</summary>
    public string Goals { get; private set; } = "";
    /// <summary>Conditions on who may take the item up (揭榜条件).</summary>
    public string Conditions { get; private set; } = "";
    public SupportChannel Channel { get; private set; }
    /// <summary>Funding the item offers, in 万元, or null when the channel sets none.</summary>
    public decimal? FundingWan { get; private set; }
    public int PeriodMonths { get; private set; }
    /// <summary>The item's own deadline for proposals, when earlier than the call's.</summary>
    public DateTimeOffset? Deadline { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Why staff withdrew the item; public when the item was.</summary>
    public string? WithdrawReason { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();
    /// <summary>The demands the item was compiled from.</summary>
    public IReadOnlyList<GuidelineItemSource> Sources => _sources;

    GuidelineItem() { }

    /// <summary>Whether anyone may read the item: it was published (and may since have been withdrawn).</summary>
    public bool IsPublic => PublishedAt is not null;

    public GuidelineItemContent Content => new(Name, Area, Direction, Goals, Conditions, Channel, FundingWan, PeriodMonths, Deadline);

    public static GuidelineItem Compile(int callRoundId, GuidelineItemContent content, IEnumerable<int> demandIds, DateTimeOffset now,
        int number = 0)
    {
        var item = new GuidelineItem { CallRoundId = callRoundId, Number = number, Status = GuidelineItemStatus.Draft, CreatedAt = now };
        item.Edit(content, now);
        item._sources.AddRange(demandIds.Distinct().Select(id => new GuidelineItemSource(id)));
        return item;
    }

    /// <summary>
    /// Staff's edit: refused once withdrawn, or once the call closed for a published item; then the
    /// content's ranges, and for a published item the fields it must keep.
    /// </summary>
    public List<RuleError> TryEdit(GuidelineItemContent content, FilingWindow call, DateTimeOffset now)
    {
        if (WhyNotEdit(call, now) is { } refused) return [refused];
        content = content.Trimmed();
        var errors = GuidelineRules.Check(content, call);
        if (Status == GuidelineItemStatus.Published) errors.AddRange(GuidelineRules.Missing(content));
        if (errors.Count == 0) Edit(content, now);
        return errors;
    }

    public RuleError? WhyNotEdit(FilingWindow call, DateTimeOffset now) =>
        Status == GuidelineItemStatus.Withdrawn ? GuidelineErrors.Withdrawn.At("")
        : Status == GuidelineItemStatus.Published && now >= call.ClosesAt ? GuidelineErrors.CallClosed.At("", ChinaTime.Format(call.ClosesAt))
        : null;

    /// <summary>What the item lacks to be published.</summary>
    public List<RuleError> WhyNotPublish() => GuidelineRules.Missing(Content);

    /// <summary>Withdraws the item (撤榜) with the reason shown beside it; a draft withdrawn never becomes public.</summary>
    public RuleError? Withdraw(string? reason, DateTimeOffset now)
    {
        if (Status == GuidelineItemStatus.Withdrawn) return GuidelineErrors.Withdrawn.At("");
        if (string.IsNullOrWhiteSpace(reason)) return GuidelineErrors.WithdrawReasonRequired.At("reason");
        if (reason.Trim().Length > GuidelineRules.MaxText)
            return GuidelineErrors.TextTooLong.At("reason", new LocalizedText("撤榜理由", "Reason"), GuidelineRules.MaxText, reason.Trim().Length);
        (Status, WithdrawnAt, WithdrawReason) = (GuidelineItemStatus.Withdrawn, now, reason.Trim());
        Touch(now);
        return null;
    }

    public void Edit(GuidelineItemContent content, DateTimeOffset now)
    {
        (Name, Area, Direction, Goals, Conditions) = (content.Name, content.Area, content.Direction, content.Goals, content.Conditions);
        (Channel, FundingWan, PeriodMonths, Deadline) = (content.Channel, content.FundingWan, content.PeriodMonths, content.Deadline);
        Touch(now);
    }

    public void Publish(DateTimeOffset now)
    {
        Status = GuidelineItemStatus.Published;
        PublishedAt ??= now;
        Touch(now);
    }

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>What staff type for an item.</summary>
public sealed record GuidelineItemContent(
    string Name, string Area, string Direction, string Goals, string Conditions,
    SupportChannel Channel, decimal? FundingWan, int PeriodMonths, DateTimeOffset? Deadline)
{
    public GuidelineItemContent Trimmed() => this with
    {
        Name = (Name ?? "").Trim(),
        Area = (Area ?? "").Trim(),
        Direction = (Direction ?? "").Trim(),
        Goals = (Goals ?? "").Trim(),
        Conditions = (Conditions ?? "").Trim(),
    };
}

/// <summary>One demand an item was compiled from.</summary>
public sealed record GuidelineItemSource(int DemandId)
{
    public int GuidelineItemId { get; private set; }
}
