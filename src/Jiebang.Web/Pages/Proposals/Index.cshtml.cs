using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Proposals;

/// <summary>我的申报: the unit's proposals, and the open calls' categories to start one in.</summary>
public sealed class IndexModel(ProposalQueries queries, JiebangDbContext db, TimeProvider clock) : PageModel
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
}
