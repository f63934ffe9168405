using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Pages.Shared;
using Jiebang.Web.Pages.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Demands;

/// <summary>The unit's demands, and the forms of the open demand rounds to start a new one.</summary>
public sealed class IndexModel(DemandQueries queries, StartDemand start, DeleteDemandDraft delete, JiebangDbContext db, TimeProvider clock,
    FormRegistry forms) : PageModel
{
    public IReadOnlyList<DemandQueries.Row> Demands { get; private set; } = [];
    public IReadOnlyList<(Round Round, IReadOnlyList<string> Forms)> OpenRounds { get; private set; } = [];

    /// <summary>
    /// Each form's name from its definition ("附件2：绩效目标申报表（2024年度）"), for forms the resources
    /// do not name: a form added as data is shown by its title, not its key.
    /// </summary>
    public Dictionary<string, string> FormTitles { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var own = await queries.OwnAsync(User.Actor(), cancellationToken);
        if (!own.Succeeded) return Challenge();
        Demands = own.Value!;
        var now = clock.GetUtcNow();
        var actor = User.Actor();
        OpenRounds = (await db.Rounds.AsNoTracking()
                .Where(r => r.Kind == RoundKind.DemandSolicitation && r.OpensAt <= now && now < r.ClosesAt).ToListAsync(cancellationToken))
            .Select(r => (r, (IReadOnlyList<string>)FormRef.ListOf(r.Forms).Select(f => f.Key).ToList()))
            .ToList();
        var startable = new List<(Round, IReadOnlyList<string>)>();
        foreach (var (round, keys) in OpenRounds)
        {
            var allowed = new List<string>();
            foreach (var key in keys)
                if (await forms.FormAsync(key, cancellationToken: cancellationToken) is { } form && form.Filing.Kind == "demand"
                    && Permissions.Can(DemandPolicy.WhyNotStart(actor, form)))
                    allowed.Add(key);
            if (allowed.Count > 0) startable.Add((round, allowed));
        }
        OpenRounds = startable;
        foreach (var key in OpenRounds.SelectMany(r => r.Forms).Concat(Demands.Select(d => d.FormKey)).Distinct())
            if (await forms.FormAsync(key, cancellationToken: cancellationToken) is { } form)
                FormTitles[key] = FieldView.Chinese
                    ? (form.AnnexNumberZh is { } number ? $"{number}：{form.TitleZh}" : form.TitleZh)
                    : form.TitleEn;
        return Page();
    }

    /// <summary>Opens the form: the draft is made by its first save with content, not by this click.</summary>
    public async Task<IActionResult> OnPostStartAsync(int roundId, string formKey, CancellationToken cancellationToken)
    {
        var outcome = await start.CheckAsync(User.Actor(), new StartDemand.Input { RoundId = roundId, FormKey = formKey }, cancellationToken);
        if (outcome.Succeeded) return RedirectToPage("Edit", new { roundId, formKey });
        if (outcome.IsForbidden) return Forbid();
        TempData["Error"] = string.Join("；", outcome.Errors.Select(e => e.Message()));
        return RedirectToPage();
    }

    /// <summary>A draft never submitted goes, after the list's own confirmation.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        this.AfterDelete(await delete.HandleAsync(User.Actor(), id, cancellationToken));

    /// <summary>A row the unit may delete: a draft that was never submitted.</summary>
    public static bool IsDeletable(DemandQueries.Row row) => row.Status == Domain.Demands.DemandStatus.Draft && row.Receipt is null;
}
