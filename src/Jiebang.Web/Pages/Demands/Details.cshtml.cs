using Jiebang.Domain.Demands;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Demands;

/// <summary>A demand as submitted, its receipt and history, and the actions its reader may take.</summary>
public sealed class DetailsModel(DemandQueries queries, WithdrawDemand withdraw, DecideOnDemand decide, FilingScans scans, TimeProvider clock,
    Features.Guidelines.GuidelineQueries guidelines, BureauInbox inbox, ScreeningQueue queue, Data.JiebangDbContext db) : PageModel
{
    /// <summary>The inbox list the staff member opened this demand from (its filters and sort ride along in the URL).</summary>
    /// <remarks>Named, so that without "Filter." keys it is not bound from the bare route values (the page's own "page" is no page number).</remarks>
    [BindProperty(SupportsGet = true, Name = "Filter")] public BureauInbox.Filter Filter { get; set; } = new();
    /// <summary>Set when the page was opened from the inbox: the list's filters and sort, to pass on to previous, next and back.</summary>
    public Dictionary<string, string>? ListRoute { get; private set; }
    /// <summary>Where the demand stands in that list; null when the list no longer holds it (a decision moved it out).</summary>
    public ListPlace? Place { get; private set; }
    /// <summary>The recommending unit's list of demands to screen that the page was opened from (its filters and sort in the URL).</summary>
    [BindProperty(SupportsGet = true, Name = "Queue")] public ScreeningQueue.Filter Queue { get; set; } = new();
    /// <summary>Where the demand stands in the recommender's list; null when not opened from it or no longer in it.</summary>
    public ListPlace? QueuePlace { get; private set; }
    /// <summary>Whether <see cref="ListRoute"/> is the recommender's list rather than the bureau's inbox.</summary>
    public bool FromQueue { get; private set; }
    /// <summary>The place in whichever list the page was opened from, as the list's navigation shows it.</summary>
    public (int Position, int Total, int? Previous, int? Next)? ListPlace =>
        Place is { } p ? (p.Position, p.Total, p.Previous, p.Next) : QueuePlace is { } q ? (q.Position, q.Total, q.Previous, q.Next) : null;
    /// <summary>The challenge-list items the demand was taken up into, as the reader may see them.</summary>
    public IReadOnlyList<Features.Guidelines.GuidelineQueries.ItemRef> TakenUpInto { get; private set; } = [];
    public DemandQueries.Detail Detail { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool Submitted { get; set; }
    [BindProperty] public DecideOnDemand.Input Decision { get; set; } = new();
    public bool CanEdit { get; private set; }
    public bool CanWithdraw { get; private set; }
    public bool CanScreen { get; private set; }
    public bool CanAccept { get; private set; }
    public bool CanAttachScan { get; private set; }
    public IReadOnlyList<SubmitDemand.SimilarNotice> SimilarNotices =>
        TempData.Peek("Similar") is string json ? System.Text.Json.JsonSerializer.Deserialize<List<SubmitDemand.SimilarNotice>>(json) ?? [] : [];
    public IReadOnlyList<FilingScans.ScanView> Scans { get; private set; } = [];

    public async Task<IActionResult> OnPostScanAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("Scan", FileErrors.Empty.At("file").Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        await using var content = file.OpenReadStream();
        var outcome = await scans.AttachAsync(User.Actor(), nameof(Demand), id, file.FileName, content, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded) return RedirectToPage(new { id });
        ModelState.AddRuleErrors(outcome.Errors, "Scan");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public IReadOnlyList<(string Label, string Phone)>? RevealedPhones { get; private set; }

    public async Task<IActionResult> OnPostRevealPhonesAsync(int id, CancellationToken cancellationToken)
    {
        var revealed = await queries.RevealPhonesAsync(User.Actor(), id, cancellationToken);
        if (!revealed.Succeeded) return NotFound();
        RevealedPhones = revealed.Value;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await withdraw.HandleAsync(User.Actor(), id, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData["Withdrawn"] = true;
            return RedirectToPage("Edit", new { id });
        }
        ModelState.AddRuleErrors(outcome.Errors, "Decision");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken)
    {
        // The next record is the one after this in the list as it stood: the decision may move this one out of it.
        var listRoute = ListRouteOf(User.Actor());
        var (inList, next) = listRoute is null ? (false, null) : await NextInListAsync(User.Actor(), id, cancellationToken);
        var outcome = await decide.HandleAsync(User.Actor(), id, Decision, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded)
        {
            // The reviewer reads what the step did and what the filer sees next, then goes on to the next in the list.
            TempData["Decided"] = outcome.Value.ToString();
            TempData["DecidedTitle"] = await db.Demands.Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken);
            if (inList) TempData["DecidedMoved"] = next is null ? "last" : "next";
            return RedirectToPage(Values(RouteTo(next ?? id, listRoute)));
        }
        ModelState.AddRuleErrors(outcome.Errors, "Decision");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        var actor = User.Actor();
        var demand = Detail.Demand;
        var owner = Permissions.Can(DemandPolicy.WhyNotEdit(actor, demand));
        CanEdit = owner && demand.IsEditable;
        CanWithdraw = Permissions.Can(DemandPolicy.WhyNotWithdraw(actor, demand, Detail.Window, clock.GetUtcNow()));
        CanScreen = demand.AwaitsRecommender && Permissions.Can(DemandPolicy.WhyNotScreen(actor, demand));
        CanAccept = demand.AwaitsBureau && Permissions.Can(DemandPolicy.WhyNotAccept(actor));
        CanAttachScan = owner && demand.LatestVersion is not null;
        Scans = await scans.ScansOf(nameof(Demand), id, cancellationToken);
        TakenUpInto = (await guidelines.LineageAsync(actor, [id], cancellationToken)).GetValueOrDefault(id, []);
        ListRoute = ListRouteOf(actor);
        if (ListRoute is not null && FromQueue) QueuePlace = await queue.PlaceAsync(actor, id, Queue, cancellationToken);
        else if (ListRoute is not null) Place = await inbox.PlaceAsync(actor, id, Filter, cancellationToken);
        return null;
    }

    /// <summary>
    /// The inbox's filters and sort when the page was opened from it by someone who may read it, or the recommender's
    /// list's when opened from that; the carried sort marks each.
    /// </summary>
    Dictionary<string, string>? ListRouteOf(Actor actor)
    {
        if (Request.Query.ContainsKey("Filter.Sort") && inbox.Find(actor, Filter).Succeeded) return BureauInbox.ListRoute(Filter, Filter.Sort);
        FromQueue = Request.Query.ContainsKey("Queue.Sort") && queue.Find(actor, Queue).Succeeded;
        return FromQueue ? ScreeningQueue.ListRoute(Queue) : null;
    }

    /// <summary>Whether the list the page was opened from holds this demand, and the one after it there, before a decision moves it.</summary>
    async Task<(bool InList, int? Next)> NextInListAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        if (FromQueue) return await queue.PlaceAsync(actor, id, Queue, cancellationToken) is { } q ? (true, q.Next) : (false, null);
        return await inbox.PlaceAsync(actor, id, Filter, cancellationToken) is { } p ? (true, p.Next) : (false, null);
    }

    /// <summary>The route values of another demand of the same list (or of this one), with the list's filters and sort.</summary>
    public Dictionary<string, string> RouteTo(int id, IReadOnlyDictionary<string, string>? listRoute = null) =>
        new(listRoute ?? ListRoute ?? []) { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    static RouteValueDictionary Values(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var values = new RouteValueDictionary();
        foreach (var (key, value) in pairs) values[key] = value;
        return values;
    }

    /// <summary>The list (the inbox, or the recommender's) with its filters and sort, at the page that holds this demand.</summary>
    public string BackToListUrl()
    {
        var values = Values(ListRoute ?? []);
        if (FromQueue)
        {
            if (QueuePlace is { Page: > 1 } at) values["Queue.Page"] = at.Page;
            return Url.Page("/Recommend/Index", values) ?? "/Recommend";
        }
        if (Place is { Page: > 1 } place) values["Filter.Page"] = place.Page;
        return Url.Page("/Inbox/Index", values) ?? "/Inbox";
    }
}
