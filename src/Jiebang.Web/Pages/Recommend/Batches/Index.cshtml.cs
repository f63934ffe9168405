using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend.Batches;

/// <summary>A recommending level's batches (推荐批次), and the calls where it has recommended proposals not in one yet.</summary>
public sealed class IndexModel(ProposalBatchQueries queries) : PageModel
{
    public ProposalBatchQueries.Listing Listing { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await queries.ListAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Listing = outcome.Value!;
        return Page();
    }
}
