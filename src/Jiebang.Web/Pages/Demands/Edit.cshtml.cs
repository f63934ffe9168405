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
/// API), so a refused submit or an expired session never loses what was typed. A new form
/// (?roundId=&amp;formKey=, no id) is not a draft yet: its first save with content starts it
/// (<see cref="SaveNewDemand"/>), and the page carries on with the new draft's id.
/// </summary>
public sealed class EditModel(DemandQueries queries, SaveDemandDraft save, SubmitDemand submit, DemandDocuments documents,
    Features.Files.AttachToField attach, JiebangDbContext db, StartDemand start, SaveNewDemand saveNew, FormRegistry forms,
    TimeProvider clock) : PageModel
{
    /// <summary>The round and form of a new form, from its address or from the form's hidden fields.</summary>
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? FormKey { get; set; }
    StartDemand.Input Target => new() { RoundId = RoundId ?? 0, FormKey = FormKey ?? "" };
    /// <summary>A post from a new form whose content was all blank: nothing was saved and no draft made.</summary>
    public bool NothingSaved { get; private set; }

    public DemandQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    [BindProperty] public DemandKind Kind { get; set; }
    [BindProperty] public int? RecommenderUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return await LoadNewAsync(cancellationToken) ?? Page();
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        if (!Detail.Demand.IsEditable) return RedirectToPage("Details", new { id });
        // A fresh form is not a list of mistakes: "required" waits for the first submit or for the field.
        Findings = Detail.Demand.Status == DemandStatus.Returned ? FormCheck(Detail)
            : FormCheck(Detail).Where(f => !MissingValueCodes.Contains(f.Code)).ToList();
        return Page();
    }

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
            if (await LoadNewAsync(cancellationToken) is { } refused) return refused;
            NothingSaved = first.Succeeded;
            Findings = first.Errors;
            return Page();
        }
        var saved = await SaveAsync(id.Value, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        Findings = saved.Succeeded ? saved.Value!.Findings : saved.Errors;
        TempData["Saved"] = saved.Succeeded;
        return Page();
    }

    public Documents.WordImport? ImportReport { get; private set; }

    /// <summary>File names of the draft's attachment fields, by attachment id.</summary>
    public IReadOnlyDictionary<string, string> AttachedFiles { get; private set; } = new Dictionary<string, string>();

    /// <summary>The whole form is saved first, then the chosen file goes into its field.</summary>
    public async Task<IActionResult> OnPostAttachFieldAsync(int? id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // A file chosen on a new form is its first content: the draft starts with it, or not at all.
            if (file is null)
            {
                if (await LoadNewAsync(cancellationToken) is { } refused) return refused;
                Findings = [FileErrors.Empty.At(key)];
                return Page();
            }
            var first = await db.InOneTransactionAsync(async () =>
            {
                var created = await SaveNewAsync(true, cancellationToken);
                if (!created.Succeeded) return created.Errors.ToList();
                await using var content = file.OpenReadStream();
                var attached = await attach.HandleAsync(User.Actor(), nameof(Domain.Demands.Demand), created.Value!.Id, key, file.FileName, content, cancellationToken);
                return attached.Succeeded ? new Outcome<int>(created.Value.Id, []) : attached.Errors.ToList();
            }, cancellationToken);
            if (first.IsForbidden) return Forbid();
            if (!first.Succeeded)
            {
                if (await LoadNewAsync(cancellationToken) is { } refused) return refused;
                Findings = first.Errors;
                return Page();
            }
            id = first.Value;
        }
        else
        {
            var saved = await SaveAsync(id.Value, cancellationToken);
            if (saved.IsNotFound) return NotFound();
            if (saved.IsForbidden) return Forbid();
            var errors = new List<RuleError>();
            if (file is null) errors.Add(FileErrors.Empty.At(key));
            else
            {
                await using var content = file.OpenReadStream();
                var attached = await attach.HandleAsync(User.Actor(), nameof(Domain.Demands.Demand), id.Value, key, file.FileName, content, cancellationToken);
                if (attached.IsForbidden) return Forbid();
                errors.AddRange(attached.Errors);
            }
            if (errors.Count > 0)
            {
                if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
                Findings = errors;
                return Page();
            }
        }
        if (await LoadAsync(id.Value, cancellationToken) is { } reloadFailed) return reloadFailed;
        Findings = FormCheck(Detail).Where(f => !MissingValueCodes.Contains(f.Code)).ToList();
        return Page();
    }

    /// <summary>A filled annex from Word or WPS goes through the same save path as the form.</summary>
    public async Task<IActionResult> OnPostImportAsync(int? id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await (id is null ? LoadNewAsync(cancellationToken) : LoadAsync(id.Value, cancellationToken)) is { } failed) return failed;
        if (file is null)
        {
            ModelState.AddModelError("", DocxErrors.Empty.At("file").Message());
            Findings = FormCheck(Detail);
            return Page();
        }
        await using var content = file.OpenReadStream();
        // On a new form the imported file is the first content: the draft starts with it, or not at all.
        var imported = id is { } existing
            ? await documents.ImportAsync(User.Actor(), existing, content, file.Length, cancellationToken)
            : await db.InOneTransactionAsync(async () =>
            {
                var created = await saveNew.HandleAsync(User.Actor(), Target,
                    new SaveDemandDraft.Input { Values = Detail.Values, Kind = Kind, RecommenderUnitId = RecommenderUnitId }, true, cancellationToken);
                if (!created.Succeeded) return created.Errors.ToList();
                return await documents.ImportAsync(User.Actor(), created.Value!.Id, content, file.Length, cancellationToken);
            }, cancellationToken);
        if (imported.IsForbidden) return Forbid();
        if (!imported.Succeeded)
        {
            ModelState.AddRuleErrors(imported.Errors, "");
            Findings = FormCheck(Detail);
            return Page();
        }
        if (await LoadAsync(imported.Value!.Id, cancellationToken) is { } reloaded) return reloaded;
        ImportReport = imported.Value!.Import;
        Findings = imported.Value.Findings;
        return Page();
    }

    /// <summary>Called by the page's script every few seconds: saves and answers with the findings.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken cancellationToken)
    {
        // A new form's autosave starts the draft once something is typed, and tells the script its id and address.
        Outcome<SaveDemandDraft.Saved?> saved;
        if (id is null) saved = await SaveNewAsync(false, cancellationToken);
        else
        {
            var existing = await SaveAsync(id.Value, cancellationToken);
            saved = new(existing.Value, existing.Errors);
        }
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        return new JsonResult(new
        {
            savedAt = saved.Value?.SavedAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"),
            findings = (saved.Succeeded ? saved.Value?.Findings ?? [] : saved.Errors).Select(ApiResults.ToFinding),
            id = id is null ? saved.Value?.Id : null,
            editUrl = id is null && saved.Value is { } created ? Url.Page("/Demands/Edit", new { id = created.Id }) : null,
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
                if (await LoadNewAsync(cancellationToken) is { } refused) return refused;
                Findings = first.Succeeded ? FormCheck(Detail) : first.Errors;
                ShowMissing = true;
                ModelState.AddModelError("", DemandErrors.Filing.HasErrors.At("").Message());
                return Page();
            }
            id = first.Value.Id;
        }
        var saved = await SaveAsync(id.Value, cancellationToken);
        if (saved.IsNotFound) return NotFound();
        if (saved.IsForbidden) return Forbid();
        var receipt = saved.Succeeded ? await submit.HandleAsync(User.Actor(), id.Value, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            if (receipt.Value!.Similar.Count > 0)
                TempData["Similar"] = System.Text.Json.JsonSerializer.Serialize(receipt.Value.Similar);
            return RedirectToPage("Details", new { id, submitted = true });
        }
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
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

    /// <summary>The first save of a new form: the posted values, starting the draft only when something was typed.</summary>
    async Task<Outcome<SaveDemandDraft.Saved?>> SaveNewAsync(bool evenIfEmpty, CancellationToken cancellationToken)
    {
        var blank = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (!blank.Succeeded) return blank.Errors.ToList();
        var values = FormPost.ToValues(blank.Value!.Form, Request.Form);
        return await saveNew.HandleAsync(User.Actor(), Target,
            new SaveDemandDraft.Input { Values = values, Kind = Kind, RecommenderUnitId = RecommenderUnitId }, evenIfEmpty, cancellationToken);
    }

    /// <summary>A new form: the round's form with what is filled in from the unit, on a demand not yet saved (id 0).</summary>
    async Task<IActionResult?> LoadNewAsync(CancellationToken cancellationToken)
    {
        var blank = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (blank.Errors.Any(e => e.Is(Features.Access.AccessErrors.SignInRequired))) return Challenge();
        if (blank.IsForbidden) return Forbid();
        if (!blank.Succeeded)
        {
            TempData["Error"] = string.Join("；", blank.Errors.Select(e => e.Message()));
            return RedirectToPage("Index");
        }
        var (round, form, unit, kind, values) = blank.Value!;
        var demand = Demand.Start(round.Id, unit.Id, form.Key, form.Version, kind, null, clock.GetUtcNow());
        var taxonomy = await forms.TaxonomyAsync(DemandStore.TaxonomyKeyOf(form, round), cancellationToken);
        // What the form posted stays on the page when nothing was saved (a refused first save).
        var posted = Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith(FormPost.Prefix, StringComparison.Ordinal));
        Detail = new DemandQueries.Detail(demand, unit.Name, null, round.Title, round.ClosesAt, form, taxonomy,
            posted ? FormPost.ToValues(form, Request.Form) : values, null, true, new Domain.Filings.FilingWindow(round.OpensAt, round.ClosesAt));
        if (!posted) Kind = kind;
        Recommenders = await RecommendersAsync(cancellationToken);
        return null;
    }

    Task<List<Unit>> RecommendersAsync(CancellationToken cancellationToken) =>
        db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);

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
        Recommenders = await RecommendersAsync(cancellationToken);
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
