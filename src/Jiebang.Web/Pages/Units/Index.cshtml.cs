using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Units;

public sealed class IndexModel(UnitQueries units) : PageModel
{
    [BindProperty(SupportsGet = true)] public UnitStatus? Status { get; set; }
    public IReadOnlyList<UnitView> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await units.ListAsync(User.Actor(), Status, cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Units = outcome.Value!;
        return Page();
    }
}
