using Jiebang.Domain.Guidelines;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Guidelines;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Guidelines;

/// <summary>Staff compile the challenge list: accepted demands of a demand round, merged or split into a call's items.</summary>
public sealed class IndexModel(GuidelineQueries queries, CompileGuidelineItems compile) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int? CallId { get; set; }
    [BindProperty] public List<int> DemandIds { get; set; } = [];
    [BindProperty] public int SplitCount { get; set; } = 2;

    public IReadOnlyList<Round> DemandRounds { get; private set; } = [];
    public IReadOnlyList<GuidelineQueries.CallRef> Calls { get; private set; } = [];
    public IReadOnlyList<GuidelineQueries.AcceptedDemand> Demands { get; private set; } = [];
    public IReadOnlyList<GuidelineItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken) => CompileAsync(CompileGuidelineItems.Mode.Merge, cancellationToken);

    public Task<IActionResult> OnPostSplitAsync(CancellationToken cancellationToken) => CompileAsync(CompileGuidelineItems.Mode.Split, cancellationToken);

    async Task<IActionResult> CompileAsync(CompileGuidelineItems.Mode mode, CancellationToken cancellationToken)
    {
        var outcome = await compile.HandleAsync(User.Actor(), new CompileGuidelineItems.Input
        {
            CallRoundId = CallId ?? 0, DemandIds = DemandIds, Mode = mode, SplitCount = SplitCount,
        }, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData["Compiled"] = outcome.Value!.Count;
            return RedirectToPage(new { RoundId, CallId });
        }
        if (outcome.IsNotFound) ModelState.AddModelError(nameof(CallId), Domain.Guidelines.CallErrors.NotAProposalCall.At("callRoundId").Message());
        else ModelState.AddRuleErrors(outcome.Errors, "");
        return await LoadAsync(cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.Actor();
        var rounds = await queries.DemandRoundsAsync(actor, cancellationToken);
        if (!rounds.Succeeded) return Forbid();
        DemandRounds = rounds.Value!;
        Calls = (await queries.CallsAsync(actor, cancellationToken)).Value!;
        RoundId ??= DemandRounds.FirstOrDefault(r => r.Id != 0)?.Id;
        CallId ??= Calls.FirstOrDefault(c => c.IsOpen)?.Id ?? Calls.FirstOrDefault()?.Id;
        if (RoundId is { } round) Demands = (await queries.AcceptedDemandsAsync(actor, round, cancellationToken)).Value!;
        if (CallId is { } call) Items = (await queries.ItemsOfCallAsync(actor, call, cancellationToken)).Value!;
        return null;
    }
}
