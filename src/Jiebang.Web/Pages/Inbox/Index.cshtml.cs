using Jiebang.Domain.Demands;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Inbox;

/// <summary>The bureau's inbox of demands with filters, text search and counts by area and direction.</summary>
public sealed class IndexModel(BureauInbox inbox, JiebangDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public BureauInbox.Filter Filter { get; set; } = new();
    public BureauInbox.Result Result { get; private set; } = null!;
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    public IReadOnlyList<Region> Counties { get; private set; } = [];

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
        return Page();
    }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
