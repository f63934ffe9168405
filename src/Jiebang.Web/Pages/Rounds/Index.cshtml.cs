using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Rounds;

public sealed class IndexModel(RoundCommands rounds) : PageModel
{
    public IReadOnlyList<RoundCommands.RoundView> Rounds { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await rounds.ListAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Rounds = outcome.Value!;
        CanEdit = Permissions.Can(Permissions.WhyNotEditRounds(User.Actor()));
        return Page();
    }
}
