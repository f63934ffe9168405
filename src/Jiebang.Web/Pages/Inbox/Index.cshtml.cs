using Jiebang.Domain.Forms;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Inbox;

/// <summary>The bureau's inbox of demands: filters in the URL, a page of rows at a time, counts by area and direction.</summary>
public sealed class IndexModel(BureauInbox inbox, JiebangDbContext db, FormRegistry forms) : PageModel
{
    [BindProperty(SupportsGet = true)] public BureauInbox.Filter Filter { get; set; } = new();
    public BureauInbox.Result Result { get; private set; } = null!;
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    public IReadOnlyList<Region> Counties { get; private set; } = [];
    /// <summary>The areas and their directions of the chosen round's taxonomy, or of every demand round's when none is chosen.</summary>
    public IReadOnlyList<TaxonomyArea> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await inbox.HandleAsync(User.Actor(), Filter, cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Result = outcome.Value!;
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.Kind == Domain.Rounds.RoundKind.DemandSolicitation).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Approved).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        Units = units.Where(u => u.Type.CanApply() || u.Type.CanRecommend()).ToList();
        Recommenders = units.Where(u => u.Type is UnitType.Association or UnitType.GovernmentDepartment).ToList();
        Counties = await db.Regions.AsNoTracking().Where(r => r.Level == "county").OrderBy(r => r.Code).ToListAsync(cancellationToken);
        Areas = await AreasAsync(cancellationToken);
        return Page();
    }

    async Task<IReadOnlyList<TaxonomyArea>> AreasAsync(CancellationToken cancellationToken)
    {
        var keys = Rounds.Where(r => Filter.RoundId is null || r.Id == Filter.RoundId).Select(r => r.TaxonomyKey)
            .Where(k => k.Length > 0).Distinct().ToList();
        var areas = new List<TaxonomyArea>();
        foreach (var key in keys)
            foreach (var area in (await forms.TaxonomyAsync(key, cancellationToken))?.Areas ?? [])
            {
                var index = areas.FindIndex(a => a.Name == area.Name);
                if (index < 0) areas.Add(area);
                else areas[index] = areas[index] with { Directions = [.. areas[index].Directions.Union(area.Directions)] };
            }
        return areas;
    }

    /// <summary>A chosen value the taxonomy does not hold (typed into the URL, or from another list) is still shown as chosen.</summary>
    public bool IsOutsideTaxonomy(string? value, IEnumerable<string> names) =>
        !string.IsNullOrWhiteSpace(value) && !names.Contains(value.Trim());

    /// <summary>A demand of the list, opened with the list's filters and sort so that its page can go to the previous and next one.</summary>
    public Dictionary<string, string> RecordRoute(int id) =>
        new(BureauInbox.ListRoute(Filter, Result.Sort)) { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
