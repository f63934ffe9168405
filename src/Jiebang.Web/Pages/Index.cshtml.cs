using Jiebang.Web.Features;
using Jiebang.Web.Features.Calls;
using Jiebang.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages;

/// <summary>The home page: what to do now, the open and recent calls leading to their public pages, and the notice's essentials.</summary>
public sealed class IndexModel(ToDoList toDo, PublicCalls calls, Features.Setup.BureauProfile bureau) : PageModel
{
    /// <summary>How many published calls the home page lists: the open ones and the latest closed.</summary>
    const int RecentCalls = 5;

    public ToDoList.View View { get; private set; } = null!;
    public IReadOnlyList<PublicCalls.CallSummary> Calls { get; private set; } = [];
    public BureauContact? Contact { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await toDo.ForAsync(User.Actor(), cancellationToken);
        Calls = [.. (await calls.ListAsync(cancellationToken)).Take(RecentCalls)];
        Contact = await BureauContact.OfAsync(bureau, cancellationToken);
    }

    /// <summary>Where an open round leads: a published call to its public page, any other round to the rounds list.</summary>
    public string? LinkOf(ToDoList.OpenRound round) =>
        Calls.FirstOrDefault(c => c.Id == round.Id)?.Url ?? (User.Identity?.IsAuthenticated == true ? "/Rounds" : null);
}
