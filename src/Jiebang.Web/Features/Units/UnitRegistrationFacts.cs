using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>What staff judge a registration by, beside the unit's own particulars: the accounts it registered with.</summary>
public sealed class UnitRegistrationFacts(JiebangDbContext db)
{
    public sealed record Account(string UserName, string FullName, DateTimeOffset CreatedAt);

    /// <summary>The unit's accounts, the first registered first; only for those who review units.</summary>
    public async Task<Outcome<IReadOnlyList<Account>>> AccountsAsync(Actor actor, int unitId, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotReviewUnit(actor) is { } denied) return denied;
        var accounts = await db.Users.AsNoTracking().Where(u => u.UnitId == unitId)
            .Select(u => new { u.UserName, u.FullName, u.CreatedAt, u.Id }).ToListAsync(cancellationToken);
        return accounts.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new Account(a.UserName ?? "", a.FullName, a.CreatedAt)).ToList();
    }
}
