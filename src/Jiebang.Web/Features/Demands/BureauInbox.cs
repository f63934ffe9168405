using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>The bureau's inbox: every demand past its owner, filtered, searched and counted.</summary>
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
        public string? Text { get; set; }
    }

    public sealed record Count(string Name, int Demands);
    public sealed record Result(IReadOnlyList<DemandQueries.Row> Rows, IReadOnlyList<Count> ByArea, IReadOnlyList<Count> ByDirection);

    public async Task<Outcome<Result>> HandleAsync(Actor actor, Filter filter, CancellationToken cancellationToken = default)
    {
        if (DemandPolicy.WhyNotAccept(actor) is { } denied && !actor.IsAdmin) return denied;
        // Drafts and demands still with their recommending unit are not the bureau's yet.
        var demands = store.Db.Demands.VisibleTo(actor);
        if (filter.RoundId is { } round) demands = demands.Where(d => d.RoundId == round);
        if (!string.IsNullOrWhiteSpace(filter.Area)) demands = demands.Where(d => d.Area == filter.Area);
        if (!string.IsNullOrWhiteSpace(filter.Direction)) demands = demands.Where(d => d.Directions.Contains(filter.Direction));
        if (filter.UnitId is { } unit) demands = demands.Where(d => d.OwnerUnitId == unit);
        if (filter.Status is { } status) demands = demands.Where(d => d.Status == status);
        if (filter.Channel == "direct") demands = demands.Where(d => d.RecommenderUnitId == null);
        else if (int.TryParse(filter.Channel, out var via)) demands = demands.Where(d => d.RecommenderUnitId == via);
        if (!string.IsNullOrWhiteSpace(filter.County))
            demands = demands.Where(d => store.Db.Units.Any(u => u.Id == d.OwnerUnitId && u.RegionCode == filter.County));
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            demands = demands.Where(d => d.Title.Contains(text) || d.SearchText.Contains(text));
        }

        var rows = await queries.RowsOf(demands).ToListAsync(cancellationToken);
        var byArea = rows.GroupBy(r => r.Area.Length == 0 ? "（未填）" : r.Area)
            .Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Demands).ToList();
        var byDirection = rows.SelectMany(r => r.Directions.Split('；', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(d => d).Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Demands).ToList();
        return new Result(rows, byArea, byDirection);
    }
}
