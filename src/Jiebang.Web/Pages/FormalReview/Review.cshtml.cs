using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.FormalReview;
using Jiebang.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiebang.Web.Pages.FormalReview;

/// <summary>
/// One proposal in formal review: the applicant unit and the format beside the decision (the rules' findings on what
/// was submitted, the stamped scans, the levels' opinions), previous and next among those waiting; after a decision
/// the reviewer goes on to the next one waiting.
/// </summary>
public sealed class ReviewModel(ProposalQueries queries, ProposalStore store, FormalReviewQueue queue, DecideFormalReview decide,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public int? Previous { get; private set; }
    public int? Next { get; private set; }
    public bool CanDecide { get; private set; }
    /// <summary>Why no one may decide now (the stage's window), shown instead of the buttons.</summary>
    public RuleError? StageClosed { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostPassAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, "pass", cancellationToken);
    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, "return", cancellationToken);
    public Task<IActionResult> OnPostFailAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, "fail", cancellationToken);

    async Task<IActionResult> DecideAsync(int id, string decision, CancellationToken cancellationToken)
    {
        var outcome = await decide.HandleAsync(User.Actor(), id, new DecideFormalReview.Input { Decision = decision, Reason = Reason }, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded)
        {
            ModelState.AddRuleErrors(outcome.Errors, "");
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        var detail = (await queries.DetailAsync(User.Actor(), id, cancellationToken)).Value!;
        TempData["Done"] = l["FormalReview_Done_" + outcome.Value, detail.Proposal.Title].Value;
        var (_, next) = await queue.NeighboursAsync(detail.Proposal.RoundId, id, cancellationToken);
        return next is { } n ? RedirectToPage(new { id = n }) : RedirectToPage(new { id });
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = User.Actor();
        if (!Permissions.Can(ProposalPolicy.WhyNotFormalReview(actor))) return Forbid();
        var detail = await queries.DetailAsync(actor, id, cancellationToken);
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        var proposal = Detail.Proposal;
        StageClosed = Detail.Loaded.Round.Schedule.WhyNotActIn(RoundStageKind.FormalReview, clock.GetUtcNow());
        CanDecide = proposal.AwaitsFormalReview && StageClosed is null;
        // The rules read the submitted values as stored, not the masked ones shown.
        if (proposal.LatestVersion is { } version)
            Findings = Detail.Loaded.Findings(store.Values(Detail.Loaded.Form, version.ValuesJson));
        (Previous, Next) = await queue.NeighboursAsync(proposal.RoundId, id, cancellationToken);
        return null;
    }
}
