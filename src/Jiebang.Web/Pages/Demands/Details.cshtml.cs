using Jiebang.Domain.Demands;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Demands;

/// <summary>A demand as submitted, its receipt and history, and the actions its reader may take.</summary>
public sealed class DetailsModel(DemandQueries queries, WithdrawDemand withdraw, DecideOnDemand decide, FilingScans scans, TimeProvider clock,
    Features.Guidelines.GuidelineQueries guidelines) : PageModel
{
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
        var outcome = await decide.HandleAsync(User.Actor(), id, Decision, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded)
        {
            // The reviewer reads what the step did and what the filer sees next.
            TempData["Decided"] = outcome.Value.ToString();
            return RedirectToPage(new { id });
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
        return null;
    }
}
