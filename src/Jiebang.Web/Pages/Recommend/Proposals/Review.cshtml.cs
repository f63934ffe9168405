using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiebang.Web.Pages.Recommend.Proposals;

/// <summary>
/// One proposal as its recommending level reads it, with the decision beside the content, the rules'
/// findings on what was submitted, the level's quota, and previous and next to work through the list.
/// After a decision the reviewer goes on to the next proposal.
/// </summary>
public sealed class ReviewModel(ProposalQueries queries, ProposalStore store, LevelQueue queue, RecommendProposal recommend,
    RejectProposal reject, ReturnProposal returnProposal, UndoRecommendation undo, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalQueries.Detail Detail { get; private set; } = null!;
    public LevelRecommendation? Here { get; private set; }
    public QuotaStanding? Quota { get; private set; }
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public int? Previous { get; private set; }
    public int? Next { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanReturn => CanDecide && Here?.Level == 1;
    public bool CanUndo { get; private set; }

    [BindProperty] public bool Incentive { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRecommendAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await recommend.HandleAsync(User.Actor(), id, new RecommendProposal.Input { Incentive = Incentive, Opinion = Opinion },
            cancellationToken), "Done_Recommended", cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await reject.HandleAsync(User.Actor(), id, new RejectProposal.Input { Reason = Reason }, cancellationToken),
            "Done_Rejected", cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await returnProposal.HandleAsync(User.Actor(), id, new ReturnProposal.Input { Reason = Reason }, cancellationToken),
            "Done_Returned", cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await undo.HandleAsync(User.Actor(), id, cancellationToken), "Done_Undone", cancellationToken, stay: true);

    async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string done, CancellationToken cancellationToken, bool stay = false)
    {
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded)
        {
            ModelState.AddRuleErrors(outcome.Errors, "");
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        var (_, next) = await queue.NeighboursAsync(User.Actor(), id, cancellationToken);
        var title = (await queries.DetailAsync(User.Actor(), id, cancellationToken)).Value?.Proposal.Title ?? "";
        TempData["Done"] = l[done, title].Value;
        return !stay && next is { } n ? RedirectToPage(new { id = n }) : RedirectToPage(new { id });
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = User.Actor();
        var detail = await queries.DetailAsync(actor, id, cancellationToken);
        if (!detail.Succeeded || actor.UnitId is not { } unitId) return NotFound();
        Detail = detail.Value!;
        var proposal = Detail.Proposal;
        Here = proposal.Levels.FirstOrDefault(level => level.UnitId == unitId);
        if (Here is null) return NotFound();
        CanDecide = Permissions.Can(ProposalPolicy.WhyNotRecommend(actor, proposal)) && Here.Decision == LevelDecision.Pending;
        CanUndo = Permissions.Can(ProposalPolicy.WhyNotRecommend(actor, proposal)) && Here is { Decision: LevelDecision.Recommended, IsForwarded: false };
        Quota = await queue.StandingAsync(actor, Detail.Loaded.Round, cancellationToken);
        // The rules read the submitted values as stored, not the masked ones shown.
        if (proposal.LatestVersion is { } version)
            Findings = Detail.Loaded.Findings(store.Values(Detail.Loaded.Form, version.ValuesJson));
        (Previous, Next) = await queue.NeighboursAsync(actor, id, cancellationToken);
        return null;
    }
}
