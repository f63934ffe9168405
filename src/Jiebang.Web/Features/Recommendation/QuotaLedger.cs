using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level's quota in a round [annex 4 §3.2]: what binds it and what it used. A place is taken with one
/// guarded UPDATE of the level's counter row (<c>SET Used = Used + 1 WHERE Used &lt; limit</c>) inside the
/// recommendation's transaction. On PostgreSQL a second transaction waits for the row and re-reads it
/// before its WHERE decides; on SQLite writers are serialised. Either way the last place goes once.
/// </summary>
public sealed class QuotaLedger(JiebangDbContext db, RecommendingLevels levels)
{
    public async Task<QuotaStanding> StandingAsync(Round round, RecommendingUnit unit, CancellationToken cancellationToken)
    {
        var above = await levels.AboveAsync(unit, cancellationToken);
        var use = await db.QuotaUses.AsNoTracking().FirstOrDefaultAsync(u => u.RoundId == round.Id && u.UnitId == unit.Id, cancellationToken);
        return new QuotaStanding(QuotaStanding.LimitFor(round.Settings, unit, above is not null), use?.Used ?? 0,
            IncentiveQuota.For(round.Settings.IncentiveQuotas, unit.Id, unit.RegionCode), use?.IncentiveUsed ?? 0, use?.IncentiveFenUsed ?? 0);
    }

    /// <summary>Makes the level's counter row exist, outside any transaction; a twin that made it first is fine.</summary>
    public async Task EnsureCounterAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        if (await db.QuotaUses.AnyAsync(u => u.RoundId == roundId && u.UnitId == unitId, cancellationToken)) return;
        var use = new QuotaUse { RoundId = roundId, UnitId = unitId };
        db.QuotaUses.Add(use);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created it between the check and the insert.
        }
        finally
        {
            db.Entry(use).State = EntityState.Detached;
        }
    }

    /// <summary>Takes one place (ordinary or incentive) within the standing's limits, or says why not. Call inside the transaction.</summary>
    public async Task<RuleError?> TakeAsync(int roundId, int unitId, QuotaStanding standing, bool incentive, long subsidyFen,
        CancellationToken cancellationToken)
    {
        var row = db.QuotaUses.Where(u => u.RoundId == roundId && u.UnitId == unitId);
        int taken;
        if (!incentive)
        {
            if (standing.Limit is not { } limit)
                taken = await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used + 1), cancellationToken);
            else
                taken = await row.Where(u => u.Used < limit)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used + 1), cancellationToken);
        }
        else
        {
            if (standing.Incentive is not { } quota) return RecommendationErrors.NoIncentiveQuota.At("incentive");
            var items = quota.Items;
            var ceiling = QuotaStanding.ToFen(quota.AmountWan) - subsidyFen;
            taken = await row.Where(u => u.IncentiveUsed < items && u.IncentiveFenUsed <= ceiling)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.IncentiveUsed, u => u.IncentiveUsed + 1)
                    .SetProperty(u => u.IncentiveFenUsed, u => u.IncentiveFenUsed + subsidyFen), cancellationToken);
        }
        if (taken == 1) return null;
        // Refused: word it with the counter as it stands now.
        var use = await row.AsNoTracking().FirstAsync(cancellationToken);
        var now = standing with { Used = use.Used, IncentiveUsed = use.IncentiveUsed, IncentiveFenUsed = use.IncentiveFenUsed };
        return now.WhyNotTake(incentive, subsidyFen) ?? RecommendationErrors.QuotaFull.At("quota", standing.Limit ?? 0, use.Used);
    }

    /// <summary>Gives a place back (a recommendation taken back before its batch went up).</summary>
    public Task ReleaseAsync(int roundId, int unitId, bool incentive, long subsidyFen, CancellationToken cancellationToken)
    {
        var row = db.QuotaUses.Where(u => u.RoundId == roundId && u.UnitId == unitId);
        return incentive
            ? row.Where(u => u.IncentiveUsed > 0).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.IncentiveUsed, u => u.IncentiveUsed - 1)
                .SetProperty(u => u.IncentiveFenUsed, u => u.IncentiveFenUsed - subsidyFen), cancellationToken)
            : row.Where(u => u.Used > 0).ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used - 1), cancellationToken);
    }
}
