using Jiebang.Web.Features;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Accounts;

/// <summary>The administrator's list of accounts: its filters, sort and page in the URL.</summary>
public sealed class IndexModel(AccountList list, AccountQueries accounts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")] public AccountList.Filter Filter { get; set; } = new();
    public Paged<AccountQueries.AccountView> Accounts { get; private set; } = null!;
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
        var outcome = await list.HandleAsync(User.Actor(), Filter, clock.GetUtcNow(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Accounts = outcome.Value!;
        return Page();
    }
}
