using Jiebang.Domain.Demands;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend;

/// <summary>A recommending unit's queue: demands sent through it, and the batch it sends to the bureau.</summary>
public sealed class IndexModel(DemandQueries queries, SubmitRecommendationBatch submitBatch) : PageModel
{
    public IReadOnlyList<DemandQueries.Row> Demands { get; private set; } = [];
    [BindProperty] public SubmitRecommendationBatch.Input Batch { get; set; } = new();

    public IEnumerable<IGrouping<(int Id, string Title), DemandQueries.Row>> ReadyByRound =>
        Demands.Where(d => d.Status == DemandStatus.Recommended).GroupBy(d => (d.RoundId, d.RoundTitle));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBatchAsync(CancellationToken cancellationToken)
    {
        // The page always picks: none ticked is none, not "all" as an API call without a list means.
        Batch.DemandIds ??= [];
        var outcome = await submitBatch.HandleAsync(User.Actor(), Batch, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData["Sent"] = outcome.Value!.Count;
            return RedirectToPage();
        }
        ModelState.AddRuleErrors(outcome.Errors, "Batch");
        return await LoadAsync(cancellationToken);
    }

    async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await queries.SentToMeAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Demands = outcome.Value!;
        return Page();
    }
}
