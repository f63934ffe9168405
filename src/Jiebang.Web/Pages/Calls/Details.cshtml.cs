using Jiebang.Web.Features.Calls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Pages.Calls;

/// <summary>A published call for anyone: window and stages in CST with a countdown, the bureau's contact, the notice, forms and items.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PublicCalls calls, IOptions<BureauContact> contact, TimeProvider clock) : PageModel
{
    public PublicCalls.CallView Call { get; private set; } = null!;
    public BureauContact Contact => contact.Value;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await calls.CallAsync(id, cancellationToken) is not { } call) return NotFound();
        (Call, Now) = (call, clock.GetUtcNow());
        return Page();
    }
}
