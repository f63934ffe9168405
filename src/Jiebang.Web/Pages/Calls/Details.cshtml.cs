using Jiebang.Web.Features.Calls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Calls;

/// <summary>A published call for anyone: window and stages in CST with a countdown, the bureau's contact, the notice, forms and items.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PublicCalls calls, Features.Setup.BureauProfile bureau, TimeProvider clock) : PageModel
{
    public PublicCalls.CallView Call { get; private set; } = null!;
    public BureauContact? Contact { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await calls.CallAsync(id, cancellationToken) is not { } call) return NotFound();
        (Call, Now) = (call, clock.GetUtcNow());
        Contact = await BureauContact.OfAsync(bureau, cancellationToken);
        return Page();
    }
}
