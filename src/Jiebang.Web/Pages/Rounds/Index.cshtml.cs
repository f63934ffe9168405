using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Rounds;

public sealed class IndexModel(RoundCommands rounds, Features.Forms.FormRegistry forms) : PageModel
{
    public IReadOnlyList<RoundCommands.RoundView> Rounds { get; private set; } = [];

    /// <summary>The blank Word form of each form a round names: its key and title, by round.</summary>
    public Dictionary<int, List<(string Key, string Title)>> Templates { get; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await rounds.ListAsync(User.Actor(), cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Rounds = outcome.Value!;
        foreach (var round in Rounds)
        {
            var list = Templates[round.Id] = [];
            foreach (var named in Features.Forms.FormRef.ListOf(round.Forms))
                if (await forms.FormAsync(named.Key, named.Version, cancellationToken) is { } form)
                    list.Add((form.Key, form.TitleZh));
        }
        CanEdit = Permissions.Can(Permissions.WhyNotEditRounds(User.Actor()));
        return Page();
    }
}
