using Jiebang.Domain.Rules;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Proposals;

/// <summary>
/// Starting a proposal: from a published item's public page (?item=), or in a call's category
/// (?round=&amp;category=). The page says plainly why a start is refused (not published, call not open).
/// </summary>
public sealed class StartModel(StartProposal start) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "item")] public int? ItemId { get; set; }
    [BindProperty(SupportsGet = true, Name = "round")] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    public StartProposal.Ready? Ready { get; private set; }
    public IReadOnlyList<RuleError> Refusals { get; private set; } = [];

    StartProposal.Input Input => new() { ItemId = ItemId, RoundId = RoundId, Category = Category?.Length > 100 ? Category[..100] : Category };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var ready = await start.CheckAsync(User.Actor(), Input, cancellationToken);
        if (ready.Errors.Any(e => e.Code == "ACCESS_SIGN_IN_REQUIRED")) return Challenge();
        Ready = ready.Value;
        Refusals = ready.Errors;
        return Page();
    }

    /// <summary>Opens the form: the draft is made by its first save with content, not by this click.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var started = await start.CheckAsync(User.Actor(), Input, cancellationToken);
        if (started.Succeeded) return RedirectToPage("Edit", new { item = ItemId, round = RoundId, category = Category });
        if (started.Errors.Any(e => e.Code == "ACCESS_SIGN_IN_REQUIRED")) return Challenge();
        Refusals = started.Errors;
        return Page();
    }
}
