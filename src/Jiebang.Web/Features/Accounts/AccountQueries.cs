using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Accounts;

/// <summary>The administrator's list of accounts, personal numbers masked; a reveal is audited.</summary>
public sealed class AccountQueries(JiebangDbContext db, PersonalDataProtector personal, AuditTrail audit)
{
    public sealed record AccountView(string Id, string UserName, string FullName, int UnitId, string UnitName,
        IReadOnlyList<string> Roles, string MobileMasked, string? ResidentIdMasked, bool TwoFactorEnabled, bool IsLockedOut);

    public async Task<Outcome<IReadOnlyList<AccountView>>> ListAsync(Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageAccounts(actor) is { } denied) return denied;
        var rows = await (from u in db.Users.AsNoTracking()
                          join unit in db.Units on u.UnitId equals unit.Id
                          orderby unit.Id, u.UserName
                          select new { u, UnitName = unit.Name }).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return rows.Select(x => new AccountView(x.u.Id, x.u.UserName ?? "", x.u.FullName, x.u.UnitId, x.UnitName,
            roles.Where(r => r.UserId == x.u.Id).Select(r => r.Name!).ToList(),
            personal.MaskedPhone(x.u.MobileProtected),
            x.u.ResidentIdProtected is null ? null : Domain.Identifiers.ResidentId.Mask(personal.Unprotect(x.u.ResidentIdProtected)),
            x.u.TwoFactorEnabled, x.u.LockoutEnd > now)).ToList();
    }

    public async Task<Outcome<string>> RevealResidentIdAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageAccounts(actor) is { } denied) return denied;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.ResidentIdProtected is null) return Outcome.NotFound();
        await audit.RecordNowAsync(actor, "personal.revealed", nameof(JiebangUser), userId, "residentId", cancellationToken);
        return personal.Unprotect(user.ResidentIdProtected);
    }
}
