using System.Globalization;
using System.Linq.Expressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Lists;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// The bureau's inbox: every demand past its owner, filtered, searched (by text or receipt number), counted
/// and paged in the database: one page of rows, and the counts by area and direction as GROUP BY.
/// </summary>
public sealed class BureauInbox(DemandStore store, DemandQueries queries)
{
    public sealed record Filter
    {
        public int? RoundId { get; set; }
        public string? Area { get; set; }
        public string? Direction { get; set; }
        public int? UnitId { get; set; }
        public string? County { get; set; }
        /// <summary>"direct", or a recommending unit's id.</summary>
        public string? Channel { get; set; }
        public DemandStatus? Status { get; set; }
        /// <summary>Words of the name or text, or a receipt number or its beginning (XQ003-000042-1, XQ003-0000).</summary>
        public string? Text { get; set; }
        /// <summary>A column of <see cref="SortKeys"/>, "-" first for descending; the latest change first by default.</summary>
        public string? Sort { get; set; }
        public int? Page { get; set; }
    }

    public sealed record Count(string Name, int Demands);
    public sealed record Result(IReadOnlyList<DemandQueries.Row> Rows, IReadOnlyList<Count> ByArea, IReadOnlyList<Count> ByDirection,
        int Total, int Page, int PageSize, string Sort)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public static readonly string[] SortKeys = ["updated", "title", "unit", "county", "area", "status", "receipt"];
    public const string DefaultSort = "-updated";
    public const string Unfilled = "（未填）";
    const string DirectionSeparator = "；";

    public async Task<Outcome<Result>> HandleAsync(Actor actor, Filter filter, CancellationToken cancellationToken = default)
    {
        var found = Find(actor, filter);
        if (!found.Succeeded) return found.Errors.ToList();
        var demands = found.Value!;

        // One GROUP BY for both charts: directions are stored joined, and the distinct (area, directions) pairs are few.
        var groups = await demands.GroupBy(d => new { d.Area, d.Directions })
            .Select(g => new { g.Key.Area, g.Key.Directions, Demands = g.Count() }).ToListAsync(cancellationToken);
        var total = groups.Sum(g => g.Demands);
        var byArea = groups.GroupBy(g => g.Area.Length == 0 ? Unfilled : g.Area).Select(a => new Count(a.Key, a.Sum(g => g.Demands)))
            .OrderByDescending(c => c.Demands).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var byDirection = groups
            .SelectMany(g => g.Directions.Split(DirectionSeparator, StringSplitOptions.RemoveEmptyEntries).Distinct().Select(name => (name, g.Demands)))
            .GroupBy(x => x.name).Select(d => new Count(d.Key, d.Sum(x => x.Demands)))
            .OrderByDescending(c => c.Demands).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        var (page, size) = Paging.Clamp(filter.Page, null, total);
        var (ordered, sort) = Ordered(demands, filter.Sort);
        var ids = await ordered.Skip((page - 1) * size).Take(size).Select(d => d.Id).ToListAsync(cancellationToken);
        var rows = await queries.RowsIn(store.Db.Demands.Where(d => ids.Contains(d.Id))).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new Result([.. rows.OrderBy(r => position[r.Id])], byArea, byDirection, total, page, size, sort);
    }


    /// <summary>
    /// The demand's place in the list the staff member is working through (the inbox's filters and sort, not its page),
    /// or null when the list does not hold it. Only ids are read: a list of thousands is a few kilobytes.
    /// </summary>
    public async Task<ListPlace?> PlaceAsync(Actor actor, int id, Filter filter, CancellationToken cancellationToken = default)
    {
        var found = Find(actor, filter);
        return found.Succeeded
            ? await Ordered(found.Value!, filter.Sort).Ordered.Select(d => d.Id).PlaceOfAsync(id, cancellationToken)
            : null;
    }

    /// <summary>
    /// The filter and the sort as the inbox's URL carries them ("Filter.Area" → "新材料"), without its page: what a record
    /// opened from the list passes along, so that its previous, next and "back to the list" stay in that list.
    /// </summary>
    public static Dictionary<string, string> ListRoute(Filter filter, string? sort) =>
        Paging.Route("Filter",
        ("RoundId", filter.RoundId?.ToString(CultureInfo.InvariantCulture)), ("Area", filter.Area), ("Direction", filter.Direction),
        ("UnitId", filter.UnitId?.ToString(CultureInfo.InvariantCulture)), ("County", filter.County), ("Channel", filter.Channel),
        ("Status", filter.Status?.ToString()), ("Text", DemandTextSearch.Bounded(filter.Text)),
        ("Sort", Paging.SortText(Paging.SortOf(sort, SortKeys, DefaultSort))));

    /// <summary>The demands the filter finds among those the actor may accept, unordered.</summary>
    public Outcome<IQueryable<Demand>> Find(Actor actor, Filter filter)
    {
        if (DemandPolicy.WhyNotAccept(actor) is { } denied && !actor.IsAdmin) return denied;
        // Drafts and demands still with their recommending unit are not the bureau's yet.
        var demands = store.Db.Demands.VisibleTo(actor);
        if (filter.RoundId is { } round) demands = demands.Where(d => d.RoundId == round);
        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim();
            demands = demands.Where(d => d.Area == area);
        }
        if (!string.IsNullOrWhiteSpace(filter.Direction)) demands = demands.Where(HasDirection(filter.Direction.Trim()));
        if (filter.UnitId is { } unit) demands = demands.Where(d => d.OwnerUnitId == unit);
        if (filter.Status is { } status) demands = demands.Where(d => d.Status == status);
        if (filter.Channel == "direct") demands = demands.Where(d => d.RecommenderUnitId == null);
        else if (int.TryParse(filter.Channel, out var via)) demands = demands.Where(d => d.RecommenderUnitId == via);
        if (!string.IsNullOrWhiteSpace(filter.County))
            demands = demands.Where(d => store.Db.Units.Any(u => u.Id == d.OwnerUnitId && u.RegionCode == filter.County));
        if (ReceiptPrefix.Parse(filter.Text, Demand.ReceiptLetters) is { } receipt) demands = WithReceipt(demands, receipt);
        else if (!string.IsNullOrWhiteSpace(filter.Text)) demands = demands.WithText(store.Db, DemandTextSearch.Bounded(filter.Text));
        return new Outcome<IQueryable<Demand>>(demands, []);
    }

    /// <summary>
    /// The demands in the order the sort names, ties broken by id so that pages never overlap. By unit or county the
    /// demands are joined to their units rather than looking the unit up for each: the database can then walk the units
    /// in that order (Units' name or region index) and each unit's demands by id, and stop after the page.
    /// </summary>
    public (IQueryable<Demand> Ordered, string Sort) Ordered(IQueryable<Demand> demands, string? sort)
    {
        var (key, descending) = Paging.SortOf(sort, SortKeys, DefaultSort);
        var units = store.Db.Units;
        var ordered = key switch
        {
            "unit" => ThenById(demands.Join(units, d => d.OwnerUnitId, u => u.Id, (d, u) => new Owned { Demand = d, Key = u.Name })
                .Order(x => x.Key, descending), descending),
            "county" => ThenById(demands.Join(units, d => d.OwnerUnitId, u => u.Id, (d, u) => new Owned { Demand = d, Key = u.RegionCode })
                .Order(x => x.Key, descending), descending),
            _ => ThenById(key switch
            {
                "title" => demands.Order(d => d.Title, descending),
                "area" => demands.Order(d => d.Area, descending),
                "status" => demands.Order(d => d.Status, descending),
                "receipt" => demands.Order(d => d.RoundId, descending),
                _ => demands.Order(d => d.UpdatedAt, descending),
            }, descending),
        };
        return (ordered, Paging.SortText((key, descending)));
    }

    /// <summary>A demand and its owner unit's sort key (name, or region code); set by initialiser, which queries translate.</summary>
    sealed class Owned
    {
        public required Demand Demand { get; init; }
        public required string Key { get; init; }
    }

    static IQueryable<Demand> ThenById(IOrderedQueryable<Demand> ordered, bool descending) =>
        descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);

    static IQueryable<Demand> ThenById(IOrderedQueryable<Owned> ordered, bool descending) =>
        (descending ? ordered.ThenByDescending(x => x.Demand.Id) : ordered.ThenBy(x => x.Demand.Id)).Select(x => x.Demand);

    /// <summary>One of the demand's directions exactly, not a direction whose name merely contains it.</summary>
    static Expression<Func<Demand, bool>> HasDirection(string direction)
    {
        var (first, middle, last) = (direction + DirectionSeparator, DirectionSeparator + direction + DirectionSeparator, DirectionSeparator + direction);
        return d => d.Directions == direction || d.Directions.StartsWith(first) || d.Directions.Contains(middle) || d.Directions.EndsWith(last);
    }

    /// <summary>By the round and id ranges the receipt names (the primary key), then by the receipt text itself.</summary>
    static IQueryable<Demand> WithReceipt(IQueryable<Demand> demands, ReceiptPrefix receipt)
    {
        var d = Expression.Parameter(typeof(Demand), "d");
        var inRanges = Expression.AndAlso(
            AnyRange(Expression.Property(d, nameof(Demand.RoundId)), receipt.Rounds),
            AnyRange(Expression.Property(d, nameof(Demand.Id)), receipt.Ids));
        var text = receipt.Text;
        return demands.Where(Expression.Lambda<Func<Demand, bool>>(inRanges, d))
            .Where(x => x.Versions.Any(v => v.ReceiptNumber.StartsWith(text)));
    }

    static Expression AnyRange(Expression value, IReadOnlyList<ReceiptPrefix.Range> ranges) =>
        ranges.Select(r => (Expression)Expression.AndAlso(
                Expression.GreaterThanOrEqual(value, Expression.Constant(r.From)),
                Expression.LessThanOrEqual(value, Expression.Constant(r.To))))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
}
