using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Similarity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Similarity;

/// <summary>Import funded projects for 查重: upload, read the preview, then confirm.</summary>
public sealed class ImportModel(ImportHistoricalProjects import) : PageModel
{
    public ImportHistoricalProjects.Preview? Preview { get; private set; }

    public IActionResult OnGet() =>
        Permissions.Can(Permissions.WhyNotActAsBureau(User.Actor())) ? Page() : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) { ModelState.AddModelError("", FileErrors.Empty.At("file").Message()); return Page(); }
        await using var content = file.OpenReadStream();
        var outcome = await import.PreviewAsync(User.Actor(), content, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) ModelState.AddRuleErrors(outcome.Errors, "");
        Preview = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string token, CancellationToken cancellationToken)
    {
        var outcome = await import.CommitAsync(User.Actor(), token, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        TempData["Imported"] = outcome.Value;
        return RedirectToPage();
    }
}
