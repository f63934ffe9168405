using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Documents;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Pages.Shared.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Demands;

/// <summary>
/// Filling a demand form. Every post saves the draft first (through the same use case as the
/// API), so a refused submit or an expired session never loses what was typed.
/// </summary>
public sealed class EditModel(DemandQueries queries, SaveDemandDraft save, SubmitDemand submit, DemandDocuments documents,
    Features.Files.AttachToField attach, JiebangDbContext db) : PageModel
{
    public DemandQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    [BindProperty] public DemandKind Kind { get; set; }
    [BindProperty] public int? RecommenderUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        if (!Detail.Demand.IsEditable) return RedirectToPage("Details", new { id });
        // A fresh form is not a list of mistakes: "required" waits for the first submit or for the field.
        Findings = Detail.Demand.Status == DemandStatus.Returned ? FormCheck(Detail)
            : FormCheck(Detail).Where(f => !MissingValueCodes.Contains(f.Code)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = saved.Succeeded ? saved.Value!.Findings : saved.Errors;
        TempData["Saved"] = saved.Succeeded;
        return Page();
    }

    public Documents.WordImport? ImportReport { get; private set; }

    /// <summary>File names of the draft's attachment fields, by attachment id.</summary>
    public IReadOnlyDictionary<string, string> AttachedFiles { get; private set; } = new Dictionary<string, string>();

    /// <summary>The whole form is saved first, then the chosen file goes into its field.</summary>
    public async Task<IActionResult> OnPostAttachFieldAsync(int id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        var errors = new List<RuleError>();
        if (file is null) errors.Add(FileErrors.Empty.At(key));
        else
        {
            await using var content = file.OpenReadStream();
            var attached = await attach.HandleAsync(User.Actor(), nameof(Domain.Demands.Demand), id, key, file.FileName, content, cancellationToken);
            if (attached.IsForbidden) return Forbid();
            errors.AddRange(attached.Errors);
        }
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = errors.Count > 0 ? errors : FormCheck(Detail).Where(f => !MissingValueCodes.Contains(f.Code)).ToList();
        return Page();
    }

    /// <summary>A filled annex from Word or WPS goes through the same save path as the form.</summary>
    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        if (file is null)
        {
            ModelState.AddModelError("", DocxErrors.Empty.At("file").Message());
            Findings = FormCheck(Detail);
            return Page();
        }
        await using var content = file.OpenReadStream();
        var imported = await documents.ImportAsync(User.Actor(), id, content, file.Length, cancellationToken);
        if (imported.IsForbidden) return Forbid();
        if (!imported.Succeeded)
        {
            ModelState.AddRuleErrors(imported.Errors, "");
            Findings = FormCheck(Detail);
            return Page();
        }
        if (await LoadAsync(id, cancellationToken) is { } reloaded) return reloaded;
        ImportReport = imported.Value!.Import;
        Findings = imported.Value.Findings;
        return Page();
    }

    /// <summary>Called by the page's script every few seconds: saves and answers with the findings.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        return new JsonResult(new
        {
            savedAt = saved.Value?.SavedAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"),
            findings = (saved.Succeeded ? saved.Value!.Findings : saved.Errors).Select(ApiResults.ToFinding),
        });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        var receipt = saved.Succeeded ? await submit.HandleAsync(User.Actor(), id, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            if (receipt.Value!.Similar.Count > 0)
                TempData["Similar"] = System.Text.Json.JsonSerializer.Serialize(receipt.Value.Similar);
            return RedirectToPage("Details", new { id, submitted = true });
        }
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = receipt?.Errors ?? saved.Errors;
        ShowMissing = true;
        ModelState.AddModelError("", DemandErrors.Filing.HasErrors.At("").Message());
        return Page();
    }

    async Task<Outcome<SaveDemandDraft.Saved>> SaveAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var values = FormPost.ToValues(detail.Value!.Form, Request.Form);
        return await save.HandleAsync(User.Actor(), id, new SaveDemandDraft.Input
        {
            Values = values, Kind = Kind, RecommenderUnitId = RecommenderUnitId,
        }, cancellationToken);
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (detail.IsForbidden) return Challenge();
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        Kind = Detail.Demand.Kind;
        RecommenderUnitId = Detail.Demand.RecommenderUnitId;
        AttachedFiles = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == nameof(Domain.Demands.Demand) && a.OwnerId == id && a.Kind.StartsWith("field:"))
            .ToDictionaryAsync(a => a.Id.ToString(), a => a.FileName, cancellationToken);
        Recommenders = await db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);
        return null;
    }

    static IReadOnlyList<RuleError> FormCheck(DemandQueries.Detail detail) =>
        Jiebang.Domain.Forms.FormCheck.Check(detail.Form, detail.Values, detail.Taxonomy);

    /// <summary>Findings that only say something is not filled in yet.</summary>
    public static readonly string[] MissingValueCodes = [.. new[]
        { FormErrors.Required, FormErrors.TableTooFewRows, FormErrors.SectionTooFew, FormErrors.DirectionRequired }.Select(c => c.Code)];

    public bool ShowMissing { get; private set; }

    public IReadOnlyList<RuleError> FindingsFor(string path) => Findings.Where(f => f.Field == path).ToList();
}
