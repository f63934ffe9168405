using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Rounds;

/// <summary>
/// The range every date and number of a round must lie in: a value outside it is a typing slip
/// (9999-12-31, 80 for 0.8), refused naming the field, never stored where a page must show it.
/// </summary>
public static class RoundLimits
{
    public const string EarliestText = "2000-01-01";
    public const string LatestText = "2100-12-31";
    public static readonly DateTimeOffset Earliest = ChinaTime.At(2000, 1, 1);
    /// <summary>Exclusive: the last instant allowed is 2100-12-31 23:59 CST.</summary>
    public static readonly DateTimeOffset After = ChinaTime.At(2101, 1, 1);
    static readonly DateOnly EarliestDay = new(2000, 1, 1), LatestDay = new(2100, 12, 31);

    /// <summary>A cap or amount in 万元: 100亿 is well above any call's total.</summary>
    public const decimal MaxAmount = 1_000_000m;
    public const int MaxQuota = 10_000;

    public static RuleError? Instant(DateTimeOffset value, string field, LocalizedText label, string clause) =>
        value >= Earliest && value < After ? null
            : RoundErrors.DateOutOfRange.AtClause(clause, field, label, ChinaTime.Format(value), EarliestText, LatestText);

    public static RuleError? Day(DateOnly value, string field, LocalizedText label, string clause) =>
        value >= EarliestDay && value <= LatestDay ? null
            : RoundErrors.DateOutOfRange.AtClause(clause, field, label, value.ToString("yyyy-MM-dd"), EarliestText, LatestText);

    public static RuleError? Amount(decimal value, string field, LocalizedText label, string clause) =>
        value is >= 0 and <= MaxAmount ? null : RoundErrors.AmountOutOfRange.AtClause(clause, field, label, value, MaxAmount);

    public static RuleError? Quota(int value, string field, LocalizedText label, string clause) =>
        value is >= 0 and <= MaxQuota ? null : RoundErrors.QuotaOutOfRange.AtClause(clause, field, label, value, MaxQuota);

    public static RuleError? Fraction(double value, string field, LocalizedText label, string clause) =>
        value is >= 0 and <= 1 ? null : RoundErrors.ThresholdOutOfRange.AtClause(clause, field, label, value);
}
