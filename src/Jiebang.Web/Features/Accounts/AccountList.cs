using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Lists;
using Jiebang.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Accounts;

/// <summary>The administrator's list of accounts, filtered by name or unit and role, sorted and paged in the database.</summary>
public sealed class AccountList(JiebangDbContext db, PersonalDataProtector personal)
{
    public sealed record Filter
    {
        /// <summary>Part of the user name, the person's name or the unit's name.</summary>
        public string? Text { get; set; }
        public string? Role { get; set; }
        public string? Sort { get; set; }
        /// <summary>From the query only: Razor Pages' own route value is also called "page".</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] public int? Page { get; set; }
    }

    public static readonly string[] SortKeys = ["unit", "username", "fullname", "created"];
    public const string DefaultSort = "unit";

    public async Task<Outcome<Paged<AccountQueries.AccountView>>> HandleAsync(Actor actor, Filter filter, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageAccounts(actor) is { } denied) return denied;
        var rows = from u in db.Users.AsNoTracking()
                   join unit in db.Units on u.UnitId equals unit.Id
                   select new Row { User = u, UnitName = unit.Name };
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            rows = rows.Where(r => r.User.UserName!.Contains(text) || r.User.FullName.Contains(text) || r.UnitName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role))
            rows = rows.Where(r => db.UserRoles.Any(ur => ur.UserId == r.User.Id && db.Roles.Any(role => role.Id == ur.RoleId && role.Name == filter.Role)));
        var (key, descending) = Paging.SortOf(filter.Sort, SortKeys, DefaultSort);
        var ordered = key switch
        {
            "username" => rows.Order(r => r.User.UserName, descending),
            "fullname" => rows.Order(r => r.User.FullName, descending),
            "created" => rows.Order(r => r.User.CreatedAt, descending),
            _ => rows.Order(r => r.User.UnitId, descending),
        };
        var page = await (descending ? ordered.ThenByDescending(r => r.User.UserName) : ordered.ThenBy(r => r.User.UserName))
            .PageAsync(filter.Page, null, Paging.SortText((key, descending)), cancellationToken);
        var ids = page.Rows.Select(r => r.User.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return new Paged<AccountQueries.AccountView>([.. page.Rows.Select(x => new AccountQueries.AccountView(x.User.Id, x.User.UserName ?? "",
            x.User.FullName, x.User.UnitId, x.UnitName, roles.Where(r => r.UserId == x.User.Id).Select(r => r.Name!).ToList(),
            personal.MaskedPhone(x.User.MobileProtected),
            x.User.ResidentIdProtected is null ? null : Domain.Identifiers.ResidentId.Mask(personal.Unprotect(x.User.ResidentIdProtected)),
            x.User.TwoFactorEnabled, x.User.LockoutEnd > now))], page.Total, page.Page, page.PageSize, page.Sort);
    }

    sealed class Row
    {
        public required JiebangUser User { get; init; }
        public required string UnitName { get; init; }
    }
}
