using Jiebang.Domain.Units;

namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>A unit that may recommend, as the level rules see it.</summary>
public sealed record RecommendingUnit(int Id, UnitType Type, string RegionCode);

/// <summary>
/// Who a recommending level forwards to [annex 4 §4.2: 县（市、区）科技局 → 设区市科技局 → 省科技厅]. A county's
/// science bureau forwards to its city's science bureau when that bureau is on the platform; every other
/// recommending unit (a city bureau, a provincial department, an association) forwards to the bureau that
/// runs the call, which is the last level and has no unit row here (null).
/// </summary>
public static class RecommendationLevels
{
    public static RecommendingUnit? Above(RecommendingUnit unit, IEnumerable<RecommendingUnit> recommenders) =>
        CityAbove(unit) is { } city
            ? recommenders.FirstOrDefault(r => r.Type == UnitType.ScienceBureau && r.RegionCode == city && r.Id != unit.Id)
            : null;

    /// <summary>The prefecture code whose science bureau would be above this unit (a county's bureau), or null.</summary>
    public static string? CityAbove(RecommendingUnit unit) =>
        unit.Type == UnitType.ScienceBureau && IsCounty(unit.RegionCode) ? unit.RegionCode[..4] + "00" : null;

    /// <summary>A county-level code: six digits, not a prefecture (xxxx00) nor the province (xx0000).</summary>
    public static bool IsCounty(string regionCode) =>
        regionCode.Length == 6 && regionCode.All(char.IsAsciiDigit) && !regionCode.EndsWith("00", StringComparison.Ordinal);
}
