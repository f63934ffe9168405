using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend.Proposals;

/// <summary>项目推荐: what reached the recommender's level, call by call, with the quota used and left.</summary>
public sealed class IndexModel(LevelQueue queue) : PageModel
{
    public IReadOnlyList<LevelQueue.RoundQueue> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await queue.ForAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Rounds = outcome.Value!;
        return Page();
    }
}
