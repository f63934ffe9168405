using Jiebang.Web.Features;
using Jiebang.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Accounts;

public sealed class IndexModel(AccountQueries accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountQueries.AccountView> Accounts { get; private set; } = [];
    public string? RevealedFor { get; private set; }
    public string? Revealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRevealAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await accounts.RevealResidentIdAsync(User.Actor(), id, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        (RevealedFor, Revealed) = (id, outcome.Value);
        return await LoadAsync(cancellationToken);
    }

    async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.ListAsync(User.Actor(), clock.GetUtcNow(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Accounts = outcome.Value!;
        return Page();
    }
}
