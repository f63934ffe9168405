using Jiebang.Domain.Regions;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The mountain/island county lists read from the region table once per process: reference data that
/// only a seed or a release changes, read by every check of every proposal (each autosave among them).
/// </summary>
public sealed class RegionListCache
{
    MountainIslandLists? lists;

    public async Task<MountainIslandLists> GetAsync(JiebangDbContext db, CancellationToken cancellationToken)
    {
        if (lists is { } cached) return cached;
        var counties = await db.Regions.AsNoTracking().Where(r => r.Level == "county")
            .Select(r => new MountainIslandLists.County(r.Code, r.Name, r.IsMountain26, r.IsIsland,
                r.InMountainIslandList202408, r.InMountainIslandList202505))
            .ToListAsync(cancellationToken);
        var read = new MountainIslandLists(counties);
        // One reference swapped whole: two first requests may both read the table, and either result is the same.
        // An empty table (a database not seeded yet) is not kept.
        if (counties.Count > 0) lists = read;
        return read;
    }
}
