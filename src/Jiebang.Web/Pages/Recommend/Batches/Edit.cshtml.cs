using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend.Batches;

/// <summary>A new batch of a call, or a draft batch changed: which of the level's recommended proposals it holds.</summary>
public sealed class EditModel(ProposalBatchQueries queries, OpenProposalBatch open, ChooseBatchProposals choose) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty] public List<int> ProposalIds { get; set; } = [];
    public int? Id { get; private set; }
    public Round Round { get; private set; } = null!;
    public IReadOnlyList<ProposalBatchStore.Row> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } answer) return answer;
        // A new batch starts with every proposal that is in no batch yet; a draft with what it holds.
        ProposalIds = [.. Candidates.Where(c => id is null ? c.BatchId is null : c.BatchId == id).Select(c => c.ProposalId)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var outcome = id is { } batch
            ? await choose.HandleAsync(User.Actor(), batch, new ChooseBatchProposals.Input { ProposalIds = ProposalIds }, cancellationToken)
            : await open.HandleAsync(User.Actor(), new OpenProposalBatch.Input { RoundId = RoundId ?? 0, ProposalIds = ProposalIds }, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded) return RedirectToPage("Details", new { id = outcome.Value!.BatchId });
        ModelState.AddRuleErrors(outcome.Errors, "");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } batch)
        {
            var preview = await queries.PreviewAsync(User.Actor(), batch, cancellationToken);
            if (preview.IsForbidden) return Forbid();
            if (!preview.Succeeded) return NotFound();
            if (preview.Value!.Batch.IsSubmitted) return RedirectToPage("Details", new { id });
            (Round, Candidates, RoundId) = (preview.Value.Round, preview.Value.Candidates, preview.Value.Round.Id);
            return null;
        }
        var candidates = await queries.CandidatesAsync(User.Actor(), RoundId ?? 0, cancellationToken);
        if (candidates.IsForbidden) return Forbid();
        if (!candidates.Succeeded) return NotFound();
        (Round, Candidates) = candidates.Value!;
        return null;
    }
}
