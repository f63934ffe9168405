using Jiebang.Domain.Demands;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend;

/// <summary>
/// A recommending unit's queue: the demands sent through it, as a list it filters, sorts and pages (each opened with
/// the list's filters, so that its page goes on to the previous and next), and the batch it sends to the bureau.
/// </summary>
public sealed class IndexModel(DemandQueries queries, SubmitRecommendationBatch submitBatch, ScreeningQueue queue) : PageModel
{
    /// <summary>Every demand sent through the unit: the batch forms and the summary exports read them.</summary>
    public IReadOnlyList<DemandQueries.Row> Demands { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public ScreeningQueue.Filter Queue { get; set; } = new();
    /// <summary>The list's page as filtered and sorted.</summary>
    public Paged<DemandQueries.Row> Result { get; private set; } = null!;
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
        var listed = await queue.HandleAsync(User.Actor(), Queue, cancellationToken);
        if (!listed.Succeeded) return Forbid();
        Result = listed.Value!;
        return Page();
    }

    /// <summary>The rounds of the demands sent through the unit, for the list's filter.</summary>
    public IEnumerable<(int Id, string Title)> Rounds => Demands.Select(d => (d.RoundId, d.RoundTitle)).Distinct().OrderByDescending(r => r.RoundId);

    /// <summary>A demand of the list, opened with the list's filters and sort so that its page can go to the previous and next one.</summary>
    public Dictionary<string, string> RecordRoute(int id) =>
        new(ScreeningQueue.ListRoute(Queue with { Sort = Result.Sort })) { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
