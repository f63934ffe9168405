using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Proposals;

/// <summary>
/// Filling a proposal. Every post saves the draft first through <see cref="SaveProposalDraft"/>, so a
/// refused submit or an expired session never loses what was typed; the script autosaves as for demands.
/// </summary>
public sealed class EditModel(ProposalQueries queries, SaveProposalDraft save, SubmitProposal submit, ProposalDocuments documents,
    AttachToField attach, JiebangDbContext db) : PageModel
{
    public ProposalQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AttachedFiles { get; private set; } = new Dictionary<string, string>();
    public Documents.WordImport? ImportReport { get; private set; }
    public bool ShowMissing { get; private set; }
    [BindProperty] public int? RecommenderUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        if (!Detail.Proposal.IsEditable) return RedirectToPage("Details", new { id });
        var findings = Detail.Loaded.Findings(Detail.Values);
        Findings = Detail.Proposal.Status == ProposalStatus.Returned ? findings
            : findings.Where(f => !Demands.EditModel.MissingValueCodes.Contains(f.Code) && !f.Is(ProposalFilingErrors.RecommenderRequired)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = saved.Succeeded ? saved.Value!.Findings : saved.Errors;
        TempData["Saved"] = saved.Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        return new JsonResult(new
        {
            savedAt = saved.Value?.SavedAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"),
            findings = (saved.Succeeded ? saved.Value!.Findings : saved.Errors).Select(ApiResults.ToFinding),
        });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        var receipt = saved.Succeeded ? await submit.HandleAsync(User.Actor(), id, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            if (receipt.Value!.Similar.Count > 0) TempData["Similar"] = System.Text.Json.JsonSerializer.Serialize(receipt.Value.Similar);
            return RedirectToPage("Details", new { id, submitted = true });
        }
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = receipt?.Errors ?? saved.Errors;
        ShowMissing = true;
        ModelState.AddModelError("", Domain.Proposals.ProposalFilingErrors.Filing.HasErrors.At("").Message());
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        if (file is null)
        {
            ModelState.AddModelError("", Documents.DocxErrors.Empty.At("file").Message());
            return Page();
        }
        await using var content = file.OpenReadStream();
        var imported = await documents.ImportAsync(User.Actor(), id, content, file.Length, cancellationToken);
        if (imported.IsForbidden) return Forbid();
        if (!imported.Succeeded)
        {
            ModelState.AddRuleErrors(imported.Errors, "");
            return Page();
        }
        if (await LoadAsync(id, cancellationToken) is { } reloaded) return reloaded;
        ImportReport = imported.Value!.Import;
        Findings = imported.Value.Findings;
        return Page();
    }

    /// <summary>The whole form is saved first, then the chosen file goes into its field (授权书, 承诺书).</summary>
    public async Task<IActionResult> OnPostAttachFieldAsync(int id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        var errors = new List<RuleError>();
        if (file is null) errors.Add(Features.Files.FileErrors.Empty.At(key));
        else
        {
            await using var content = file.OpenReadStream();
            var attached = await attach.HandleAsync(User.Actor(), nameof(Proposal), id, key, file.FileName, content, cancellationToken);
            if (attached.IsForbidden) return Forbid();
            errors.AddRange(attached.Errors);
        }
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = errors.Count > 0 ? errors : saved.Value?.Findings ?? [];
        return Page();
    }

    IActionResult? Refused<T>(Outcome<T> outcome) => outcome.IsNotFound ? NotFound() : outcome.IsForbidden ? Forbid() : null;

    async Task<Outcome<SaveProposalDraft.Saved>> SaveAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var values = FormPost.ToValues(detail.Value!.Loaded.Form, Request.Form);
        return await save.HandleAsync(User.Actor(), id, new SaveProposalDraft.Input { Values = values, RecommenderUnitId = RecommenderUnitId },
            cancellationToken);
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (detail.IsForbidden) return Challenge();
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        RecommenderUnitId = Detail.Proposal.RecommenderUnitId;
        AttachedFiles = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == nameof(Proposal) && a.OwnerId == id && a.Kind.StartsWith("field:"))
            .ToDictionaryAsync(a => a.Id.ToString(), a => a.FileName, cancellationToken);
        Recommenders = await db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment
                || u.Type == UnitType.ScienceBureau))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);
        return null;
    }

    public IReadOnlyList<RuleError> FindingsFor(string path) => Findings.Where(f => f.Field == path).ToList();
}
