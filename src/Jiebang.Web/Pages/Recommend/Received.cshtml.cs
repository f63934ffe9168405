using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend;

/// <summary>
/// The batches that reached the reader (收到的推荐批次): bureau staff see what the last levels sent to the bureau,
/// a recommending level what the levels below sent to it; each opens read-only with its proposals and stamped scans.
/// </summary>
public sealed class ReceivedModel(ProposalBatchQueries queries) : PageModel
{
    public IReadOnlyList<ProposalBatchQueries.ReceivedRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await queries.ReceivedAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Rows = outcome.Value!;
        return Page();
    }
}
