using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Lists;
using Jiebang.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>Staff's list of units: filtered by status, type and name or code, sorted and paged in the database.</summary>
public sealed class UnitList(JiebangDbContext db, PersonalDataProtector personal)
{
    public sealed record Filter
    {
        public UnitStatus? Status { get; set; }
        public UnitType? Type { get; set; }
        /// <summary>Part of the name, or of the unified social credit code.</summary>
        public string? Text { get; set; }
        public string? Sort { get; set; }
        /// <summary>From the query only: Razor Pages' own route value is also called "page".</summary>
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] public int? Page { get; set; }
    }

    public static readonly string[] SortKeys = ["status", "name", "uscc", "type", "county", "registered"];
    public const string DefaultSort = "status";

    public async Task<Outcome<Paged<UnitView>>> HandleAsync(Actor actor, Filter filter, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotListUnits(actor) is { } denied) return denied;
        var units = db.Units.AsNoTracking();
        if (filter.Status is { } status) units = units.Where(u => u.Status == status);
        if (filter.Type is { } type) units = units.Where(u => u.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var code = text.ToUpperInvariant();
            units = units.Where(u => u.Name.Contains(text) || u.Uscc.Contains(code));
        }
        var (key, descending) = Paging.SortOf(filter.Sort, SortKeys, DefaultSort);
        var ordered = key switch
        {
            "name" => units.Order(u => u.Name, descending),
            "uscc" => units.Order(u => u.Uscc, descending),
            "type" => units.Order(u => u.Type, descending),
            "county" => units.Order(u => u.RegionCode, descending),
            "registered" => units.Order(u => u.CreatedAt, descending),
            _ => units.Order(u => u.Status, descending),
        };
        var page = await (descending ? ordered.ThenByDescending(u => u.Id) : ordered.ThenBy(u => u.Id))
            .Select(u => new { Unit = u, Region = db.Regions.Where(r => r.Code == u.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .PageAsync(filter.Page, null, Paging.SortText((key, descending)), cancellationToken);
        return new Paged<UnitView>([.. page.Rows.Select(x => UnitView.Of(x.Unit, x.Region ?? "", personal))], page.Total, page.Page, page.PageSize, page.Sort);
    }
}
