using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Setup;

/// <summary>
/// The running bureau's identity as pages print it (footer, public pages, documents), read once a
/// minute at most: it changes only at setup and when staff edit it. Null before setup.
/// </summary>
public sealed class BureauProfile(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record View(string Name, string ShortName, string RegionCode, string Address, string ContactName, string ContactPhone, string ContactEmail);

    static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    // A reference, swapped whole: requests on other threads read either the old or the new one, never half.
    sealed record Cached(View? Value, DateTimeOffset ReadAt);
    Cached? _cached;

    public async Task<View?> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < Freshness) return cached.Value;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var view = await (from b in db.BureauIdentities.AsNoTracking()
                          join u in db.Units.AsNoTracking() on b.UnitId equals u.Id
                          select new View(u.Name, b.ShortName, u.RegionCode, b.Address, b.ContactName, b.ContactPhone, b.ContactEmail))
            .FirstOrDefaultAsync(cancellationToken);
        _cached = new Cached(view, now);
        return view;
    }

    /// <summary>Forget the cached identity, after setup or an edit.</summary>
    public void Refresh() => _cached = null;
}
