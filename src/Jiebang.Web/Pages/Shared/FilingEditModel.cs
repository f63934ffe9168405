using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Filings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// What every filing's edit page does alike (a demand's, a proposal's). Every post saves the draft first,
/// through the kind's one save path, so a refused submit or an expired session never loses what was typed.
/// A new form (no id) is not a draft yet: its first save with content starts it, and the page carries on
/// with the new draft's id. A kind's page says how its form is loaded, saved, checked and submitted.
/// </summary>
public abstract class FilingEditModel(AttachToField attach, JiebangDbContext db) : PageModel
{
    /// <summary>Findings that only say something is not filled in yet.</summary>
    public static readonly string[] MissingValueCodes = [.. new[]
        { FormErrors.Required, FormErrors.TableTooFewRows, FormErrors.SectionTooFew, FormErrors.DirectionRequired }.Select(c => c.Code)];

    /// <summary>A post from a new form whose content was all blank: nothing was saved and no draft made.</summary>
    public bool NothingSaved { get; private set; }
    public IReadOnlyList<RuleError> Findings { get; protected set; } = [];
    public bool ShowMissing { get; protected set; }
    public Documents.WordImport? ImportReport { get; protected set; }

    /// <summary>File names of the draft's attachment fields, by attachment id.</summary>
    public IReadOnlyDictionary<string, string> AttachedFiles { get; private set; } = new Dictionary<string, string>();

    protected JiebangDbContext Db => db;

    /// <summary>The kind as its files name it ("Demand").</summary>
    protected abstract string OwnerType { get; }

    /// <summary>The kind's edit page ("/Demands/Edit"), which a new form's autosave moves to once it made the draft.</summary>
    protected abstract string EditPage { get; }

    /// <summary>The kind's rule that refuses a submit while a finding is an error (DEMAND_HAS_ERRORS).</summary>
    protected abstract ErrorCode HasErrors { get; }

    /// <summary>Saves the posted values on the draft.</summary>
    protected abstract Task<Outcome<DraftSaved>> SaveAsync(int id, CancellationToken cancellationToken);

    /// <summary>The first save of a new form: the posted values, starting the draft only when something was typed.</summary>
    protected abstract Task<Outcome<DraftSaved?>> SaveNewAsync(bool evenIfEmpty, CancellationToken cancellationToken);

    /// <summary>Loads the draft to show, or answers why not.</summary>
    protected abstract Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken);

    /// <summary>Loads a new form to show (not saved yet), or answers why not.</summary>
    protected abstract Task<IActionResult?> LoadNewAsync(CancellationToken cancellationToken);

    /// <summary>The findings of the form as loaded.</summary>
    protected abstract IReadOnlyList<RuleError> LoadedFindings();

    /// <summary>Submits the saved draft: the receipt's notices of similar records (查重), or why not.</summary>
    protected abstract Task<Outcome<IReadOnlyList<SubmitDemand.SimilarNotice>>> SubmitAsync(int id, CancellationToken cancellationToken);

    /// <summary>Reads a filled Word file into the saved draft, through the kind's one save path.</summary>
    protected abstract Task<Outcome<WordImported>> ImportAsync(int id, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>Starts the draft with the new form as shown (what is filled in from the unit), even if that is empty.</summary>
    protected abstract Task<Outcome<DraftSaved?>> StartShownAsync(CancellationToken cancellationToken);

    /// <summary>What the page shows once a file went into a field of a saved draft.</summary>
    protected abstract IReadOnlyList<RuleError> FindingsAfterAttach(Outcome<DraftSaved> saved);

    protected async Task LoadAttachedFilesAsync(int id, CancellationToken cancellationToken)
    {
        var ownerType = OwnerType;
        AttachedFiles = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == id && a.Kind.StartsWith("field:"))
            .ToDictionaryAsync(a => a.Id.ToString(), a => a.FileName, cancellationToken);
    }

    public IReadOnlyList<RuleError> FindingsFor(string path) => Findings.Where(f => f.Field == path).ToList();

    protected IActionResult? Refused<T>(Outcome<T> outcome) => outcome.IsNotFound ? NotFound() : outcome.IsForbidden ? Forbid() : null;

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var first = await SaveNewAsync(false, cancellationToken);
            if (first.IsForbidden) return Forbid();
            if (first.Value is { } created)
            {
                TempData["Saved"] = true;
                return RedirectToPage("Edit", new { id = created.Id });
            }
            if (await LoadNewAsync(cancellationToken) is { } notNew) return notNew;
            NothingSaved = first.Succeeded;
            Findings = first.Errors;
            return Page();
        }
        var saved = await SaveAsync(id.Value, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        Findings = saved.Succeeded ? saved.Value!.Findings : saved.Errors;
        TempData["Saved"] = saved.Succeeded;
        return Page();
    }

    /// <summary>Called by the page's script every few seconds: saves and answers with the findings.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken cancellationToken)
    {
        // A new form's autosave starts the draft once something is typed, and tells the script its id and address.
        Outcome<DraftSaved?> saved;
        if (id is null) saved = await SaveNewAsync(false, cancellationToken);
        else
        {
            var existing = await SaveAsync(id.Value, cancellationToken);
            saved = new(existing.Value, existing.Errors);
        }
        if (Refused(saved) is { } refused) return refused;
        return new JsonResult(new
        {
            savedAt = saved.Value?.SavedAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"),
            findings = (saved.Succeeded ? saved.Value?.Findings ?? [] : saved.Errors).Select(ApiResults.ToFinding),
            id = id is null ? saved.Value?.Id : null,
            editUrl = id is null && saved.Value is { } created ? Url.Page(EditPage, new { id = created.Id }) : null,
        });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var first = await SaveNewAsync(false, cancellationToken);
            if (first.IsForbidden) return Forbid();
            if (first.Value is null)
            {
                // Nothing typed: nothing to submit and no draft made; the form says what is missing.
                if (await LoadNewAsync(cancellationToken) is { } notNew) return notNew;
                Findings = first.Succeeded ? LoadedFindings() : first.Errors;
                ShowMissing = true;
                ModelState.AddModelError("", HasErrors.At("").Message());
                return Page();
            }
            id = first.Value.Id;
        }
        var saved = await SaveAsync(id.Value, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        var receipt = saved.Succeeded ? await SubmitAsync(id.Value, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            if (receipt.Value!.Count > 0) TempData["Similar"] = System.Text.Json.JsonSerializer.Serialize(receipt.Value);
            return RedirectToPage("Details", new { id, submitted = true });
        }
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        Findings = receipt?.Errors ?? saved.Errors;
        ShowMissing = true;
        ModelState.AddModelError("", HasErrors.At("").Message());
        return Page();
    }

    /// <summary>A filled annex from Word or WPS goes through the same save path as the form.</summary>
    public async Task<IActionResult> OnPostImportAsync(int? id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await (id is null ? LoadNewAsync(cancellationToken) : LoadAsync(id.Value, cancellationToken)) is { } failed) return failed;
        if (file is null)
        {
            ModelState.AddModelError("", Documents.DocxErrors.Empty.At("file").Message());
            Findings = LoadedFindings();
            return Page();
        }
        await using var content = file.OpenReadStream();
        // On a new form the imported file is the first content: the draft starts with it, or not at all.
        var imported = id is { } existing
            ? await ImportAsync(existing, content, file.Length, cancellationToken)
            : await db.InOneTransactionAsync(async () =>
            {
                var created = await StartShownAsync(cancellationToken);
                if (!created.Succeeded) return created.Errors.ToList();
                return await ImportAsync(created.Value!.Id, content, file.Length, cancellationToken);
            }, cancellationToken);
        if (imported.IsForbidden) return Forbid();
        if (!imported.Succeeded)
        {
            ModelState.AddRuleErrors(imported.Errors, "");
            Findings = LoadedFindings();
            return Page();
        }
        if (await LoadAsync(imported.Value!.Id, cancellationToken) is { } reloaded) return reloaded;
        ImportReport = imported.Value!.Import;
        Findings = imported.Value.Findings;
        return Page();
    }

    /// <summary>The whole form is saved first, then the chosen file goes into its field.</summary>
    public async Task<IActionResult> OnPostAttachFieldAsync(int? id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        if (id is not null) return await AttachToDraftAsync(id.Value, key, file, cancellationToken);
        // A file chosen on a new form is its first content: the draft starts with it, or not at all.
        if (file is null)
        {
            if (await LoadNewAsync(cancellationToken) is { } notNew) return notNew;
            Findings = [FileErrors.Empty.At(key)];
            return Page();
        }
        var first = await db.InOneTransactionAsync(async () =>
        {
            var created = await SaveNewAsync(true, cancellationToken);
            if (!created.Succeeded) return created.Errors.ToList();
            await using var content = file.OpenReadStream();
            var attached = await attach.HandleAsync(User.Actor(), OwnerType, created.Value!.Id, key, file.FileName, content, cancellationToken);
            return attached.Succeeded ? new Outcome<int>(created.Value.Id, []) : attached.Errors.ToList();
        }, cancellationToken);
        if (first.IsForbidden) return Forbid();
        if (!first.Succeeded)
        {
            if (await LoadNewAsync(cancellationToken) is { } notNew) return notNew;
            Findings = first.Errors;
            return Page();
        }
        if (await LoadAsync(first.Value, cancellationToken) is { } reloadFailed) return reloadFailed;
        Findings = LoadedFindings().Where(f => !MissingValueCodes.Contains(f.Code)).ToList();
        return Page();
    }

    async Task<IActionResult> AttachToDraftAsync(int id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(id, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        var errors = new List<RuleError>();
        if (file is null) errors.Add(FileErrors.Empty.At(key));
        else
        {
            await using var content = file.OpenReadStream();
            var attached = await attach.HandleAsync(User.Actor(), OwnerType, id, key, file.FileName, content, cancellationToken);
            if (attached.IsForbidden) return Forbid();
            errors.AddRange(attached.Errors);
        }
        if (await LoadAsync(id, cancellationToken) is { } failed) return failed;
        Findings = errors.Count > 0 ? errors : FindingsAfterAttach(saved);
        return Page();
    }
}
