using Jiebang.Domain.Proposals;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Proposals;

/// <summary>A proposal as submitted: its receipt, 查重 notice, versions, history, scans and Word download.</summary>
public sealed class DetailsModel(Jiebang.Web.Data.JiebangDbContext db, ProposalQueries queries, WithdrawProposal withdraw, ReturnProposal returnProposal, FilingScans scans,
    TimeProvider clock) : PageModel
{
    public ProposalQueries.Detail Detail { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool Submitted { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public bool CanEdit { get; private set; }
    public bool CanWithdraw { get; private set; }
    public bool CanReturn { get; private set; }
    /// <summary>The recommending units the proposal reached, by id, for its way up (推荐进度).</summary>
    public IReadOnlyDictionary<int, string> LevelUnitNames { get; private set; } = new Dictionary<int, string>();
    public bool CanAttachScan { get; private set; }
    public IReadOnlyList<FilingScans.ScanView> Scans { get; private set; } = [];
    public IReadOnlyList<SubmitDemand.SimilarNotice> SimilarNotices =>
        TempData.Peek("Similar") is string json ? System.Text.Json.JsonSerializer.Deserialize<List<SubmitDemand.SimilarNotice>>(json) ?? [] : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        await After(id, await withdraw.HandleAsync(User.Actor(), id, cancellationToken), "Edit", cancellationToken, "Withdrawn");

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        await After(id, await returnProposal.HandleAsync(User.Actor(), id, new ReturnProposal.Input { Reason = Reason }, cancellationToken),
            null, cancellationToken, "Returned");

    public async Task<IActionResult> OnPostScanAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("Scan", Features.Files.FileErrors.Empty.At("file").Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        await using var content = file.OpenReadStream();
        return await After(id, await scans.AttachAsync(User.Actor(), nameof(Proposal), id, file.FileName, content, cancellationToken),
            null, cancellationToken);
    }

    async Task<IActionResult> After<T>(int id, Outcome<T> outcome, string? page, CancellationToken cancellationToken, string? done = null)
    {
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded && done is not null) TempData[done] = true;
        if (outcome.Succeeded) return page is null ? RedirectToPage(new { id }) : RedirectToPage(page, new { id });
        ModelState.AddRuleErrors(outcome.Errors, "");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        var actor = User.Actor();
        var proposal = Detail.Proposal;
        var owner = Permissions.Can(ProposalPolicy.WhyNotEdit(actor, proposal));
        CanEdit = owner && proposal.IsEditable;
        CanWithdraw = Permissions.Can(ProposalPolicy.WhyNotWithdraw(actor, proposal, Detail.Loaded.Window, clock.GetUtcNow()));
        CanReturn = proposal.AwaitsRecommender && proposal.CurrentLevel is { Level: 1, Decision: Domain.Proposals.Recommendation.LevelDecision.Pending }
            && Permissions.Can(ProposalPolicy.WhyNotRecommend(actor, proposal));
        var levelUnits = proposal.Levels.Select(l => l.UnitId).ToList();
        LevelUnitNames = await db.Units.Where(u => levelUnits.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        CanAttachScan = owner && proposal.LatestVersion is not null;
        Scans = await scans.ScansOf(nameof(Proposal), id, cancellationToken);
        return null;
    }
}
