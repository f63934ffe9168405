using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Recommend.Batches;

/// <summary>
/// A batch's preview: its proposals with the level's quota, the summary and the letters to download, the stamped
/// scans to upload, and the submit with the level's opinion.
/// </summary>
public sealed class DetailsModel(ProposalBatchQueries queries, AttachBatchScan attach, SubmitProposalBatch submit) : PageModel
{
    public ProposalBatchQueries.Preview Preview { get; private set; } = null!;
    /// <summary>The reader acts for the batch's level; otherwise it reads a batch that reached it.</summary>
    public bool OwnLevel => User.Actor().RecommendsFor(Preview.Batch.UnitId);
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public BatchDocument Document { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostScanAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("file-" + Document, Features.Files.FileErrors.Empty.At("file").Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        await using var content = file.OpenReadStream();
        var outcome = await attach.HandleAsync(User.Actor(), id, Document, file.FileName, content, cancellationToken);
        if (!outcome.Succeeded && !outcome.IsNotFound)
        {
            foreach (var error in outcome.Errors) ModelState.AddModelError("file-" + Document, error.Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        return After(outcome);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await submit.HandleAsync(User.Actor(), id, new SubmitProposalBatch.Input { Opinion = Opinion }, cancellationToken);
        if (outcome.Succeeded) TempData["BatchSubmitted"] = outcome.Value!.Count;
        if (!outcome.Succeeded && !outcome.IsNotFound)
        {
            foreach (var error in outcome.Errors)
                ModelState.AddModelError(error.Field.StartsWith("scan.", StringComparison.Ordinal) ? "file-" + error.Field[5..]
                    : error.Field == "opinion" ? nameof(Opinion) : "", error.Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        return After(outcome);
    }

    IActionResult After<T>(Outcome<T> outcome) =>
        outcome.IsNotFound ? NotFound() : outcome.IsForbidden ? Forbid() : RedirectToPage();

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var preview = await queries.PreviewAsync(User.Actor(), id, cancellationToken);
        if (preview.IsForbidden) return Forbid();
        if (!preview.Succeeded) return NotFound();
        Preview = preview.Value!;
        return null;
    }
}
