using Jiebang.Web.Features;
using Jiebang.Web.Features.FormalReview;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.FormalReview;

/// <summary>形式审核: what reached the bureau, a call at a time, waiting first; staff open each to decide, in the order it arrived.</summary>
public sealed class IndexModel(FormalReviewQueue queue) : PageModel
{
    public FormalReviewQueue.Listing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? call, string? view, int? page, CancellationToken cancellationToken)
    {
        var outcome = await queue.ForAsync(User.Actor(), call, view, page, cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Listing = outcome.Value!;
        return Page();
    }
}
