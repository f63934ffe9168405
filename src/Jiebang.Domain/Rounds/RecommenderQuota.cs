using Jiebang.Domain.Units;

namespace Jiebang.Domain.Rounds;

/// <summary>
/// How many items a recommending unit may put forward in a round [annex 4 §3.2]: for one unit
/// (by id), or for each unit of a class (a unit type, within a region when one is named: 杭州 is
/// "the science bureau of 330100"). <see cref="Note"/> keeps the notice's words for people; it is
/// never matched. A quota with neither a unit nor a class (a named body not registered yet, such as
/// 浙江大学) binds no one until staff give it the unit's id.
/// </summary>
public sealed record RecommenderQuota
{
    public int? UnitId { get; init; }
    public UnitType? UnitClass { get; init; }
    /// <summary>A region code: a prefecture (3301xx) covers its counties.</summary>
    public string? RegionCode { get; init; }
    public int Limit { get; init; }
    public string Note { get; init; } = "";

    /// <summary>The quota that binds a recommending unit: its own, else its class's in its region, else its class's.</summary>
    public static RecommenderQuota? For(IEnumerable<RecommenderQuota> quotas, int unitId, UnitType type, string regionCode)
    {
        var list = quotas.ToList();
        return list.FirstOrDefault(q => q.UnitId == unitId)
            ?? list.FirstOrDefault(q => q.UnitId is null && q.UnitClass == type && q.RegionCode is { Length: > 0 } r && Covers(r, regionCode))
            ?? list.FirstOrDefault(q => q.UnitId is null && q.UnitClass == type && string.IsNullOrEmpty(q.RegionCode));
    }

    static bool Covers(string quotaRegion, string unitRegion) =>
        quotaRegion == unitRegion || (quotaRegion.EndsWith("00") && unitRegion.StartsWith(quotaRegion[..4]));
}
