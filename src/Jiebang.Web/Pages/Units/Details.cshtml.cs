using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Units;

public sealed class DetailsModel(UnitQueries units, ReviewUnit review) : PageModel
{
    public UnitView Unit { get; private set; } = null!;
    public string? RevealedPhone { get; private set; }
    public bool CanReview { get; private set; }
    [BindProperty] public ReviewUnit.Input Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken cancellationToken)
    {
        var phone = await units.RevealContactPhoneAsync(User.Actor(), id, cancellationToken);
        if (!phone.Succeeded) return NotFound();
        RevealedPhone = phone.Value;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await review.HandleAsync(User.Actor(), id, Input, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) ModelState.AddRuleErrors(outcome.Errors);
        else return RedirectToPage(new { id });
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await units.GetAsync(User.Actor(), id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Unit = outcome.Value!;
        CanReview = Permissions.Can(Permissions.WhyNotReviewUnit(User.Actor())) && Unit.Status == Data.UnitStatus.Pending;
        return null;
    }
}
