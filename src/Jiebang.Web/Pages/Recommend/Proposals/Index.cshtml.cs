using Jiebang.Web.Features;
using Jiebang.Web.Features.Lists;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend.Proposals;

/// <summary>项目推荐: what reached the recommender's level, call by call, with the quota used and left.</summary>
public sealed class IndexModel(LevelQueue queue) : PageModel
{
    public IReadOnlyList<LevelQueue.RoundQueue> Rounds { get; private set; } = [];

    /// <summary>The page of a round's list the URL names (?page{roundId}=2), 50 rows a page; the queue holds only what reached this level.</summary>
    public Paged<LevelQueue.Row> PageOf(LevelQueue.RoundQueue round)
    {
        var (page, size) = Paging.Clamp(int.TryParse(Request.Query[PageKey(round)], out var n) ? n : null, null, round.Rows.Count);
        return new Paged<LevelQueue.Row>([.. round.Rows.Skip((page - 1) * size).Take(size)], round.Rows.Count, page, size, "");
    }

    public static string PageKey(LevelQueue.RoundQueue round) => $"page{round.RoundId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await queue.ForAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Rounds = outcome.Value!;
        return Page();
    }
}
