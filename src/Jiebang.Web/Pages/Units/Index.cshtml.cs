using Jiebang.Web.Features;
using Jiebang.Web.Features.Lists;
using Jiebang.Web.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Units;

/// <summary>Staff's list of units: its filters, sort and page in the URL (?status=Pending&amp;text=…&amp;sort=-registered&amp;page=2).</summary>
public sealed class IndexModel(UnitList list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")] public UnitList.Filter Filter { get; set; } = new();
    public Paged<UnitView> Units { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(User.Actor(), Filter, cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Units = outcome.Value!;
        return Page();
    }
}
