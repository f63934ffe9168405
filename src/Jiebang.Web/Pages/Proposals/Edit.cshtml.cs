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
/// A new form (?item= or ?round=&amp;category=, no id) is not a draft yet: its first save with content
/// starts it (<see cref="SaveNewProposal"/>), and the page carries on with the new draft's id.
/// </summary>
public sealed class EditModel(ProposalQueries queries, SaveProposalDraft save, SubmitProposal submit, ProposalDocuments documents,
    AttachToField attach, JiebangDbContext db, StartProposal start, SaveNewProposal saveNew, ProposalStore store, TimeProvider clock) : PageModel
{
    /// <summary>What a new form takes up (an item, or a call's category), from its address or from the form's hidden fields.</summary>
    [BindProperty(SupportsGet = true, Name = "item")] public int? ItemId { get; set; }
    [BindProperty(SupportsGet = true, Name = "round")] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    StartProposal.Input Target => new() { ItemId = ItemId, RoundId = RoundId, Category = Category?.Length > 100 ? Category[..100] : Category };
    /// <summary>A post from a new form whose content was all blank: nothing was saved and no draft made.</summary>
    public bool NothingSaved { get; private set; }

    public ProposalQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<RuleError> Findings { get; private set; } = [];
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AttachedFiles { get; private set; } = new Dictionary<string, string>();
    public Documents.WordImport? ImportReport { get; private set; }
    public bool ShowMissing { get; private set; }
    [BindProperty] public int? RecommenderUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return await LoadNewAsync(cancellationToken) ?? Page();
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        if (!Detail.Proposal.IsEditable) return RedirectToPage("Details", new { id });
        var findings = Detail.Loaded.Findings(Detail.Values);
        Findings = Detail.Proposal.Status == ProposalStatus.Returned ? findings
            : findings.Where(f => !Demands.EditModel.MissingValueCodes.Contains(f.Code) && !f.Is(ProposalFilingErrors.RecommenderRequired)).ToList();
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

    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken cancellationToken)
    {
        // A new form's autosave starts the draft once something is typed, and tells the script its id and address.
        Outcome<SaveProposalDraft.Saved?> saved;
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
            editUrl = id is null && saved.Value is { } created ? Url.Page("/Proposals/Edit", new { id = created.Id }) : null,
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
                Findings = first.Succeeded ? Detail.Loaded.Findings(Detail.Values) : first.Errors;
                ShowMissing = true;
                ModelState.AddModelError("", ProposalFilingErrors.Filing.HasErrors.At("").Message());
                return Page();
            }
            id = first.Value.Id;
        }
        var saved = await SaveAsync(id.Value, cancellationToken);
        if (Refused(saved) is { } refused) return refused;
        var receipt = saved.Succeeded ? await submit.HandleAsync(User.Actor(), id.Value, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            if (receipt.Value!.Similar.Count > 0) TempData["Similar"] = System.Text.Json.JsonSerializer.Serialize(receipt.Value.Similar);
            return RedirectToPage("Details", new { id, submitted = true });
        }
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        Findings = receipt?.Errors ?? saved.Errors;
        ShowMissing = true;
        ModelState.AddModelError("", Domain.Proposals.ProposalFilingErrors.Filing.HasErrors.At("").Message());
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int? id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await (id is null ? LoadNewAsync(cancellationToken) : LoadAsync(id.Value, cancellationToken)) is { } failed) return failed;
        if (file is null)
        {
            ModelState.AddModelError("", Documents.DocxErrors.Empty.At("file").Message());
            return Page();
        }
        await using var content = file.OpenReadStream();
        // On a new form the imported file is the first content: the draft starts with it, or not at all.
        var imported = id is { } existing
            ? await documents.ImportAsync(User.Actor(), existing, content, file.Length, cancellationToken)
            : await db.InOneTransactionAsync(async () =>
            {
                var created = await saveNew.HandleAsync(User.Actor(), Target,
                    new SaveProposalDraft.Input { Values = Detail.Values, RecommenderUnitId = RecommenderUnitId }, true, cancellationToken);
                if (!created.Succeeded) return created.Errors.ToList();
                return await documents.ImportAsync(User.Actor(), created.Value!.Id, content, file.Length, cancellationToken);
            }, cancellationToken);
        if (imported.IsForbidden) return Forbid();
        if (!imported.Succeeded)
        {
            ModelState.AddRuleErrors(imported.Errors, "");
            return Page();
        }
        if (await LoadAsync(imported.Value!.Id, cancellationToken) is { } reloaded) return reloaded;
        ImportReport = imported.Value!.Import;
        Findings = imported.Value.Findings;
        return Page();
    }

    /// <summary>The whole form is saved first, then the chosen file goes into its field (授权书, 承诺书).</summary>
    public async Task<IActionResult> OnPostAttachFieldAsync(int? id, string key, IFormFile? file, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            // A file chosen on a new form is its first content: the draft starts with it, or not at all.
            if (file is null)
            {
                if (await LoadNewAsync(cancellationToken) is { } notNew) return notNew;
                Findings = [Features.Files.FileErrors.Empty.At(key)];
                return Page();
            }
            var first = await db.InOneTransactionAsync(async () =>
            {
                var created = await SaveNewAsync(true, cancellationToken);
                if (!created.Succeeded) return created.Errors.ToList();
                await using var content = file.OpenReadStream();
                var attached = await attach.HandleAsync(User.Actor(), nameof(Proposal), created.Value!.Id, key, file.FileName, content, cancellationToken);
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
            Findings = Detail.Loaded.Findings(Detail.Values).Where(f => !Demands.EditModel.MissingValueCodes.Contains(f.Code)).ToList();
            return Page();
        }
        return await AttachToDraftAsync(id.Value, key, file, cancellationToken);
    }

    async Task<IActionResult> AttachToDraftAsync(int id, string key, IFormFile? file, CancellationToken cancellationToken)
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

    /// <summary>The first save of a new form: the posted values, starting the draft only when something was typed.</summary>
    async Task<Outcome<SaveProposalDraft.Saved?>> SaveNewAsync(bool evenIfEmpty, CancellationToken cancellationToken)
    {
        var ready = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (!ready.Succeeded) return ready.Errors.ToList();
        var values = FormPost.ToValues(ready.Value!.Form, Request.Form);
        return await saveNew.HandleAsync(User.Actor(), Target, new SaveProposalDraft.Input { Values = values, RecommenderUnitId = RecommenderUnitId },
            evenIfEmpty, cancellationToken);
    }

    /// <summary>A new form: the call's form with what is filled in from the unit and the item, on a proposal not yet saved (id 0).</summary>
    async Task<IActionResult?> LoadNewAsync(CancellationToken cancellationToken)
    {
        var ready = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (ready.Errors.Any(e => e.Is(Features.Access.AccessErrors.SignInRequired))) return Challenge();
        if (!ready.Succeeded) return RedirectToPage("Start", new { item = ItemId, round = RoundId, category = Category });
        var (round, item, category, form, unit) = ready.Value!;
        var target = item is null ? ProposalTarget.InCategory(category) : ProposalTarget.Item(item.Id);
        var proposal = Proposal.Start(round.Id, unit.Id, target, form.Key, form.Version, clock.GetUtcNow());
        // What the form posted stays on the page when nothing was saved (a refused first save).
        var posted = Request.HasFormContentType && Request.Form.Keys.Any(k => k.StartsWith(FormPost.Prefix, StringComparison.Ordinal));
        var values = posted ? FormPost.ToValues(form, Request.Form) : await start.InitialValuesAsync(ready.Value!, cancellationToken);
        var loaded = await store.UnsavedAsync(proposal, round, item, form, values, cancellationToken);
        Detail = new ProposalQueries.Detail(loaded, unit.Name, null, values, null, true);
        Recommenders = await RecommendersAsync(cancellationToken);
        return null;
    }

    Task<List<Unit>> RecommendersAsync(CancellationToken cancellationToken) =>
        db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment
                || u.Type == UnitType.ScienceBureau))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);

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
        Recommenders = await RecommendersAsync(cancellationToken);
        return null;
    }

    public IReadOnlyList<RuleError> FindingsFor(string path) => Findings.Where(f => f.Field == path).ToList();
}
