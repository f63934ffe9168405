using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>
/// A level's quota in a round and what it has used: the ordinary places (null limit: not bound), and the
/// incentive places by count and by amount [annex 4 §3.2]. The use case takes a place with one guarded
/// update of the level's counter, so two clicks at the same moment cannot both take the last place; this
/// type says what the limits are and words the refusal.
/// </summary>
public sealed record QuotaStanding(int? Limit, int Used, IncentiveQuota? Incentive, int IncentiveUsed, long IncentiveFenUsed)
{
    public const long FenPerWan = 1_000_000;

    public int? Left => Limit is { } limit ? Math.Max(0, limit - Used) : null;
    public int? IncentiveLeft => Incentive is { } q ? Math.Max(0, q.Items - IncentiveUsed) : null;
    public long? IncentiveFenLeft => Incentive is { } q ? Math.Max(0, ToFen(q.AmountWan) - IncentiveFenUsed) : null;

    /// <summary>
    /// The ordinary quota that binds a level: one naming the unit; or its class's (a city's bureau) when the
    /// unit is the top level. A county bureau under a city bureau on the platform holds no ordinary quota of
    /// its own: the city does, for everything it forwards [annex 4 §3.2: 各设区市……限额推荐].
    /// </summary>
    public static int? LimitFor(RoundSettings settings, RecommendingUnit unit, bool hasLevelAbove)
    {
        if (settings.Quotas.FirstOrDefault(q => q.UnitId == unit.Id) is { } own) return own.Limit;
        return hasLevelAbove ? null : RecommenderQuota.For(settings.Quotas, unit.Id, unit.Type, unit.RegionCode)?.Limit;
    }

    /// <summary>Why this standing refuses one more place (incentive or not, for this subsidy), or null.</summary>
    public RuleError? WhyNotTake(bool incentive, long subsidyFen)
    {
        if (!incentive)
            return Limit is { } limit && Used >= limit ? RecommendationErrors.QuotaFull.At("quota", limit, Used) : null;
        if (Incentive is not { } q) return RecommendationErrors.NoIncentiveQuota.At("incentive");
        if (IncentiveUsed >= q.Items) return RecommendationErrors.IncentiveItemsFull.At("incentive", q.Items, IncentiveUsed);
        if (IncentiveFenUsed + subsidyFen > ToFen(q.AmountWan))
            return RecommendationErrors.IncentiveAmountExceeded.At("incentive", Money.Wan(q.AmountWan),
                Money.Wan(IncentiveFenUsed / (decimal)FenPerWan), Money.Wan(subsidyFen / (decimal)FenPerWan));
        return null;
    }

    public static long ToFen(decimal wan) => (long)decimal.Round(wan * FenPerWan, 0, MidpointRounding.AwayFromZero);
}
