using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Letters;

/// <summary>The letter templates (推荐函, 承诺书) staff keep for the recommending levels' batches.</summary>
public sealed class IndexModel(LetterTemplates templates) : PageModel
{
    public IReadOnlyList<LetterTemplate> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await templates.ListAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Templates = outcome.Value!;
        return Page();
    }
}
