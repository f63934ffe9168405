using Jiebang.Web.Features.Calls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Calls;

/// <summary>The published calls, open ones first, for anyone.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicCalls calls) : PageModel
{
    public IReadOnlyList<PublicCalls.CallSummary> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Calls = await calls.ListAsync(cancellationToken);
}
