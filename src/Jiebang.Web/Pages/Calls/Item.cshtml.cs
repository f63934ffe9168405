using Jiebang.Web.Features;
using Jiebang.Web.Features.Calls;
using Jiebang.Web.Features.Guidelines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Calls;

/// <summary>A published item for anyone, with the link to take it up; staff also see its source demands.</summary>
[AllowAnonymous]
public sealed class ItemModel(PublicCalls calls, GuidelineQueries queries, Features.Setup.BureauProfile bureau, TimeProvider clock) : PageModel
{
    public PublicCalls.ItemView Item { get; private set; } = null!;
    public IReadOnlyList<GuidelineQueries.SourceDemand>? Sources { get; private set; }
    public BureauContact? Contact { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        if (await calls.ItemAsync(id, itemId, cancellationToken) is not { } item) return NotFound();
        (Item, Now) = (item, clock.GetUtcNow());
        Contact = await BureauContact.OfAsync(bureau, cancellationToken);
        var detail = await queries.ItemAsync(User.Actor(), itemId, cancellationToken);
        if (detail.Succeeded) Sources = detail.Value!.Sources;
        return Page();
    }
}
