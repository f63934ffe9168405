using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Proposals;

/// <summary>我的申报: the unit's proposals, and the open calls' categories to start one in.</summary>
public sealed class IndexModel(ProposalQueries queries, DeleteProposalDraft delete, JiebangDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProposalQueries.Row> Proposals { get; private set; } = [];
    public IReadOnlyList<Round> OpenCalls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var own = await queries.OwnAsync(User.Actor(), cancellationToken);
        if (!own.Succeeded) return Challenge();
        Proposals = own.Value!;
        var now = clock.GetUtcNow();
        OpenCalls = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.ProposalCall && r.OpensAt <= now && now < r.ClosesAt).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>A draft never submitted goes, after the list's own confirmation.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        this.AfterDelete(await delete.HandleAsync(User.Actor(), id, cancellationToken));

    /// <summary>A row the unit may delete: a draft that was never submitted.</summary>
    public static bool IsDeletable(ProposalQueries.Row row) => row.Status == Domain.Proposals.ProposalStatus.Draft && row.Receipt is null;
}
