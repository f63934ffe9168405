namespace Jiebang.Domain.Rounds;

/// <summary>
/// Places outside the ordinary quota for a place rewarded in the provincial inspection [annex 4 §3.2:
/// "设区市最多可增加4项、总额不超过1000万元；县（市、区）最多可增加2项、总额不超过500万元"]. It belongs to the
/// recommending unit named by id, or to the science bureau of the region named (exactly that region).
/// </summary>
public sealed record IncentiveQuota
{
    public int? UnitId { get; init; }
    public string? RegionCode { get; init; }
    public int Items { get; init; }
    /// <summary>The most the incentive places' subsidies may add up to, 万元.</summary>
    public decimal AmountWan { get; init; }
    public string Note { get; init; } = "";

    public static IncentiveQuota? For(IEnumerable<IncentiveQuota> quotas, int unitId, string regionCode) =>
        quotas.FirstOrDefault(q => q.UnitId == unitId)
        ?? quotas.FirstOrDefault(q => q.UnitId is null && q.RegionCode == regionCode);
}
