namespace Jiebang.Web.Data;

/// <summary>
/// The places a recommending level has taken in a round's quota [annex 4 §3.2], as one counter row that
/// each recommendation moves with a guarded update (<c>Used &lt; limit</c>) inside its own transaction, so
/// concurrent clicks queue on the row instead of both taking the last place.
/// </summary>
public sealed class QuotaUse
{
    public int RoundId { get; set; }
    public int UnitId { get; set; }
    public int Used { get; set; }
    public int IncentiveUsed { get; set; }
    public long IncentiveFenUsed { get; set; }
}
