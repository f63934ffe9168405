using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Accounts;

[Features.Security.HashesPassword]
public sealed class CreateModel(CreateAccount create, JiebangDbContext db) : PageModel
{
    [BindProperty] public CreateAccount.Input Input { get; set; } = new();
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Permissions.Can(Permissions.WhyNotManageAccounts(User.Actor()))) return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await create.HandleAsync(User.Actor(), Input, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded) return RedirectToPage("Index");
        ModelState.AddRuleErrors(outcome.Errors);
        Input.Password = "";
        await LoadAsync(cancellationToken);
        return Page();
    }

    async Task LoadAsync(CancellationToken cancellationToken) =>
        Units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Approved).OrderBy(u => u.Name).ToListAsync(cancellationToken);
}
