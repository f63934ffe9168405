using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Blacklist;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Blacklist;

/// <summary>Staff keep the blacklist (失信记录): the entries (ID numbers masked), import with a preview, then confirm.</summary>
public sealed class IndexModel(BlacklistQueries queries, ImportBlacklist import) : PageModel
{
    public IReadOnlyList<BlacklistQueries.Item> Entries { get; private set; } = [];
    public ImportBlacklist.Preview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Forbid();
        if (file is null)
        {
            ModelState.AddRuleErrors([Domain.Integrity.BlacklistErrors.FileEmpty.At("file")], "");
            return Page();
        }
        await using var content = file.OpenReadStream();
        var outcome = await import.PreviewAsync(User.Actor(), content, cancellationToken);
        if (!outcome.Succeeded) ModelState.AddRuleErrors(outcome.Errors, "");
        Preview = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Forbid();
        var outcome = await import.CommitAsync(User.Actor(), token ?? "", cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRuleErrors(outcome.Errors, "");
            return Page();
        }
        TempData["BlacklistImported"] = outcome.Value;
        return RedirectToPage();
    }

    async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var entries = await queries.ListAsync(User.Actor(), cancellationToken);
        Entries = entries.Value ?? [];
        return entries.Succeeded;
    }
}
