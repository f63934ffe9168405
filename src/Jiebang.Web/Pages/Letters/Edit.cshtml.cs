using Jiebang.Web.Features;
using Jiebang.Web.Features.Recommendation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Letters;

/// <summary>Staff edit one letter template: its title and body, with the placeholders a body may hold listed beside it.</summary>
public sealed class EditModel(LetterTemplates templates, EditLetterTemplate edit) : PageModel
{
    [BindProperty] public EditLetterTemplate.Input Input { get; set; } = new();
    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var outcome = await templates.GetAsync(User.Actor(), key, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        Key = key;
        Input = new EditLetterTemplate.Input { Title = outcome.Value!.Title, Body = outcome.Value.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        Key = key;
        var outcome = await edit.HandleAsync(User.Actor(), key, Input, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded)
        {
            TempData["LetterSaved"] = true;
            return RedirectToPage(new { key });
        }
        ModelState.AddRuleErrors(outcome.Errors);
        return Page();
    }
}
