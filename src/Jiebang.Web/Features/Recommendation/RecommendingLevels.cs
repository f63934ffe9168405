using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>The recommending units on the platform, and which level is above which (<see cref="RecommendationLevels"/>).</summary>
public sealed class RecommendingLevels(JiebangDbContext db)
{
    public async Task<RecommendingUnit?> UnitAsync(int unitId, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new RecommendingUnit(u.Id, u.Type, u.RegionCode)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The approved recommending unit above this one, or null when the next step is the bureau that runs the call.</summary>
    public async Task<RecommendingUnit?> AboveAsync(RecommendingUnit unit, CancellationToken cancellationToken)
    {
        if (RecommendationLevels.CityAbove(unit) is not { } city) return null;
        var candidates = await db.Units.AsNoTracking()
            .Where(u => u.Type == UnitType.ScienceBureau && u.RegionCode == city && u.Status == UnitStatus.Approved)
            .Select(u => new RecommendingUnit(u.Id, u.Type, u.RegionCode)).ToListAsync(cancellationToken);
        return RecommendationLevels.Above(unit, candidates);
    }
}
