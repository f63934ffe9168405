using System.Globalization;
using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Lists;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A recommending unit's list of the demands sent through it (an association's members', a county bureau's units'),
/// filtered, sorted and paged in the database, with a demand's place in it: the screener works through the list
/// with previous and next, and after each decision goes on to the next one [notice §4.2; issue 12 item 5].
/// </summary>
public sealed class ScreeningQueue(DemandStore store, DemandQueries queries)
{
    public sealed record Filter
    {
        public int? RoundId { get; set; }
        public DemandStatus? Status { get; set; }
        /// <summary>Words of the name or text.</summary>
        public string? Text { get; set; }
        /// <summary>A column of <see cref="SortKeys"/>, "-" first for descending; the latest change first by default.</summary>
        public string? Sort { get; set; }
        public int? Page { get; set; }
    }


    public static readonly string[] SortKeys = ["updated", "title", "unit", "status"];
    public const string DefaultSort = "-updated";

    /// <summary>One page of the list.</summary>
    public async Task<Outcome<Paged<DemandQueries.Row>>> HandleAsync(Actor actor, Filter filter, CancellationToken cancellationToken = default)
    {
        var found = Find(actor, filter);
        if (!found.Succeeded) return found.Errors.ToList();
        var (ordered, sort) = Ordered(found.Value!, filter.Sort);
        var total = await found.Value!.CountAsync(cancellationToken);
        var (page, size) = Paging.Clamp(filter.Page, null, total);
        var ids = await ordered.Skip((page - 1) * size).Take(size).Select(d => d.Id).ToListAsync(cancellationToken);
        var rows = await queries.RowsOf(store.Db.Demands.Where(d => ids.Contains(d.Id))).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new Paged<DemandQueries.Row>([.. rows.OrderBy(r => position[r.Id])], total, page, size, sort);
    }

    /// <summary>The demand's place in the list the filter and sort make (not its page), or null when the list does not hold it.</summary>
    public async Task<ListPlace?> PlaceAsync(Actor actor, int id, Filter filter, CancellationToken cancellationToken = default)
    {
        var found = Find(actor, filter);
        return found.Succeeded
            ? await Ordered(found.Value!, filter.Sort).Ordered.Select(d => d.Id).PlaceOfAsync(id, cancellationToken)
            : null;
    }

    /// <summary>The filter and sort as the list's URL carries them ("Queue.Status" → "Submitted"), without its page.</summary>
    public static Dictionary<string, string> ListRoute(Filter filter) =>
        Paging.Route("Queue",
        ("RoundId", filter.RoundId?.ToString(CultureInfo.InvariantCulture)), ("Status", filter.Status?.ToString()), ("Text", DemandTextSearch.Bounded(filter.Text)),
        ("Sort", Paging.SortText(Paging.SortOf(filter.Sort, SortKeys, DefaultSort))));

    /// <summary>The demands sent through the actor's unit that it may read (submitted ones), as the filter finds them, unordered.</summary>
    public Outcome<IQueryable<Demand>> Find(Actor actor, Filter filter)
    {
        if (DemandPolicy.WhyNotRecommend(actor) is { } denied) return denied;
        var unit = actor.UnitId;
        var demands = store.Db.Demands.VisibleTo(actor).Where(d => d.RecommenderUnitId == unit);
        if (filter.RoundId is { } round) demands = demands.Where(d => d.RoundId == round);
        if (filter.Status is { } status) demands = demands.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Text)) demands = demands.WithText(store.Db, DemandTextSearch.Bounded(filter.Text));
        return new Outcome<IQueryable<Demand>>(demands, []);
    }

    /// <summary>The demands in the order the sort names, ties broken by id.</summary>
    (IQueryable<Demand> Ordered, string Sort) Ordered(IQueryable<Demand> demands, string? sort)
    {
        var (key, descending) = Paging.SortOf(sort, SortKeys, DefaultSort);
        var units = store.Db.Units;
        var ordered = key switch
        {
            "title" => demands.Order(d => d.Title, descending),
            "unit" => demands.Order(d => units.Where(u => u.Id == d.OwnerUnitId).Select(u => u.Name).FirstOrDefault(), descending),
            "status" => demands.Order(d => d.Status, descending),
            _ => demands.Order(d => d.UpdatedAt, descending),
        };
        return (descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id), Paging.SortText((key, descending)));
    }
}
