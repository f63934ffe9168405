using Jiebang.Domain.Guidelines;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Guidelines;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Guidelines;

/// <summary>Staff publish a call (发榜): its notice text, and every draft item, each checked for what it must have.</summary>
public sealed class PublishModel(GuidelineQueries queries, PublishCall publish) : PageModel
{
    [BindProperty] public string? NoticeText { get; set; }
    public GuidelineQueries.CallRef Call { get; private set; } = null!;
    public IReadOnlyList<GuidelineItem> Items { get; private set; } = [];
    public string? SavedNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        NoticeText = SavedNotice;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await publish.HandleAsync(User.Actor(), id, new PublishCall.Input { NoticeText = NoticeText }, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/calls/{id}");
        foreach (var e in outcome.Errors) ModelState.AddModelError(e.Field == "noticeText" ? nameof(NoticeText) : "", e.Message());
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = User.Actor();
        var calls = await queries.CallsAsync(actor, cancellationToken);
        if (calls.IsForbidden) return Forbid();
        if (calls.Value!.FirstOrDefault(c => c.Id == id) is not { } call) return NotFound();
        Call = call;
        Items = (await queries.ItemsOfCallAsync(actor, id, cancellationToken)).Value!;
        SavedNotice = await queries.NoticeTextAsync(id, cancellationToken);
        return null;
    }
}
