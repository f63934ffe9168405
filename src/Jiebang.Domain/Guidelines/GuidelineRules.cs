using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Guidelines;

/// <summary>
/// What an item's content must satisfy. Ranges and lengths hold for every save, so a draft never
/// stores a typing slip; the fields a published item needs (name, area, goals, channel) are asked
/// for only when it is published (<see cref="Missing"/>), so staff may save half-written drafts.
/// </summary>
public static class GuidelineRules
{
    /// <summary>One item's funding in 万元: above 1亿 is a slip for a city's challenge list.</summary>
    public const decimal MaxFundingWan = 10_000m;
    public const int MinPeriodMonths = 1, MaxPeriodMonths = 60;
    public const int MaxName = 200, MaxArea = 100, MaxDirection = 200, MaxText = 5000;

    public static readonly LocalizedText NameLabel = new("榜单项名称", "Item name"), AreaLabel = new("领域", "Area"),
        DirectionLabel = new("方向", "Direction"), GoalsLabel = new("攻关目标及考核指标", "Goals and indicators"),
        ConditionsLabel = new("揭榜条件", "Conditions"), ChannelLabel = new("支持方式", "Support channel"),
        FundingLabel = new("支持经费（万元）", "Funding (10k yuan)"), PeriodLabel = new("实施期限（月）", "Period (months)"),
        DeadlineLabel = new("揭榜截止时间", "Deadline");

    /// <summary>Ranges and lengths, checked on every save; the deadline lies within the call's window.</summary>
    public static List<RuleError> Check(GuidelineItemContent content, FilingWindow call)
    {
        var errors = new List<RuleError>();
        Length(errors, content.Name, MaxName, "name", NameLabel);
        Length(errors, content.Area, MaxArea, "area", AreaLabel);
        Length(errors, content.Direction, MaxDirection, "direction", DirectionLabel);
        Length(errors, content.Goals, MaxText, "goals", GoalsLabel);
        Length(errors, content.Conditions, MaxText, "conditions", ConditionsLabel);
        if (content.Channel != 0 && !Enum.IsDefined(content.Channel))
            errors.Add(GuidelineErrors.ChannelRequired.At("channel"));
        if (content.FundingWan is { } funding && funding is < 0 or > MaxFundingWan)
            errors.Add(GuidelineErrors.FundingOutOfRange.At("fundingWan", MaxFundingWan, funding));
        if (content.PeriodMonths is < MinPeriodMonths or > MaxPeriodMonths)
            errors.Add(GuidelineErrors.PeriodOutOfRange.At("periodMonths", content.PeriodMonths));
        if (content.Deadline is { } deadline && (deadline <= call.OpensAt || deadline > call.ClosesAt))
            errors.Add(GuidelineErrors.DeadlineOutsideCall.At("deadline",
                ChinaTime.Format(call.OpensAt), ChinaTime.Format(call.ClosesAt), ChinaTime.Format(deadline)));
        return errors;
    }

    /// <summary>What a published item must have: a name, an area, goals and one of the notice's channels.</summary>
    public static List<RuleError> Missing(GuidelineItemContent content)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(content.Name)) errors.Add(GuidelineErrors.NameRequired.At("name"));
        if (string.IsNullOrWhiteSpace(content.Area)) errors.Add(GuidelineErrors.AreaRequired.At("area"));
        if (string.IsNullOrWhiteSpace(content.Goals)) errors.Add(GuidelineErrors.GoalsRequired.At("goals"));
        if (!Enum.IsDefined(content.Channel)) errors.Add(GuidelineErrors.ChannelRequired.At("channel"));
        return errors;
    }

    static void Length(List<RuleError> errors, string? text, int max, string field, LocalizedText label)
    {
        var length = (text ?? "").Trim().Length;
        if (length > max) errors.Add(GuidelineErrors.TextTooLong.At(field, label, max, length));
    }
}
