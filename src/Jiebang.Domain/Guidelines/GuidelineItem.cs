namespace Jiebang.Domain.Guidelines;

/// <summary>
/// One item of a call's challenge list (榜单项), compiled by staff from accepted demands (its
/// lineage, 来源需求): what must be achieved, who may take it up, through which support channel,
/// with what funding and period. Applicants take an item up with a proposal.
/// </summary>
public sealed class GuidelineItem
{
    readonly List<GuidelineItemSource> _sources = [];

    public int Id { get; private set; }
    /// <summary>The call (a round of kind proposal) the item is published in.</summary>
    public int CallRoundId { get; private set; }
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
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();
    /// <summary>The demands the item was compiled from.</summary>
    public IReadOnlyList<GuidelineItemSource> Sources => _sources;

    GuidelineItem() { }

    public static GuidelineItem Compile(int callRoundId, GuidelineItemContent content, IEnumerable<int> demandIds, DateTimeOffset now)
    {
        var item = new GuidelineItem { CallRoundId = callRoundId, Status = GuidelineItemStatus.Draft, CreatedAt = now };
        item.Edit(content, now);
        item._sources.AddRange(demandIds.Distinct().Select(id => new GuidelineItemSource(id)));
        return item;
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
    SupportChannel Channel, decimal? FundingWan, int PeriodMonths, DateTimeOffset? Deadline);

/// <summary>One demand an item was compiled from.</summary>
public sealed record GuidelineItemSource(int DemandId)
{
    public int GuidelineItemId { get; private set; }
}
