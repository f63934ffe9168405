using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Demands;

public sealed class DiffModel(DemandDiff diff) : PageModel
{
    public IReadOnlyList<DemandDiff.Change> Changes { get; private set; } = [];
    public int Id { get; private set; }
    public int From { get; private set; }
    public int To { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        var outcome = await diff.HandleAsync(User.Actor(), id, from, to, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        (Changes, Id, From, To) = (outcome.Value!, id, from, to);
        return Page();
    }
}
