using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Demands;

/// <summary>The form as the annex prints it, for those who print, sign and stamp [notice §4.3].</summary>
public sealed class PrintModel(DemandQueries queries) : PageModel
{
    public DemandQueries.Detail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        return Page();
    }
}
