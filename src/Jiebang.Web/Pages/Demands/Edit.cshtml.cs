using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Documents;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Pages.Shared;
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
    TimeProvider clock) : FilingEditModel(attach, db)
{
    /// <summary>The round and form of a new form, from its address or from the form's hidden fields.</summary>
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? FormKey { get; set; }
    StartDemand.Input Target => new() { RoundId = RoundId ?? 0, FormKey = FormKey ?? "" };

    public DemandQueries.Detail Detail { get; private set; } = null!;
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

    protected override Task<Outcome<WordImported>> ImportAsync(int id, Stream content, long length, CancellationToken cancellationToken) =>
        documents.ImportAsync(User.Actor(), id, content, length, cancellationToken);

    protected override Task<Outcome<DraftSaved?>> StartShownAsync(CancellationToken cancellationToken) =>
        saveNew.HandleAsync(User.Actor(), Target,
            new SaveDemandDraft.Input { Values = Detail.Values, Kind = Kind, RecommenderUnitId = RecommenderUnitId }, true, cancellationToken);

    protected override async Task<Outcome<DraftSaved>> SaveAsync(int id, CancellationToken cancellationToken)
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
    protected override async Task<Outcome<DraftSaved?>> SaveNewAsync(bool evenIfEmpty, CancellationToken cancellationToken)
    {
        var blank = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (!blank.Succeeded) return blank.Errors.ToList();
        var values = FormPost.ToValues(blank.Value!.Form, Request.Form);
        return await saveNew.HandleAsync(User.Actor(), Target,
            new SaveDemandDraft.Input { Values = values, Kind = Kind, RecommenderUnitId = RecommenderUnitId }, evenIfEmpty, cancellationToken);
    }

    /// <summary>A new form: the round's form with what is filled in from the unit, on a demand not yet saved (id 0).</summary>
    protected override async Task<IActionResult?> LoadNewAsync(CancellationToken cancellationToken)
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
        Db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);

    protected override async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (detail.IsForbidden) return Challenge();
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        Kind = Detail.Demand.Kind;
        RecommenderUnitId = Detail.Demand.RecommenderUnitId;
        await LoadAttachedFilesAsync(id, cancellationToken);
        Recommenders = await RecommendersAsync(cancellationToken);
        return null;
    }

    static IReadOnlyList<RuleError> FormCheck(DemandQueries.Detail detail) =>
        Jiebang.Domain.Forms.FormCheck.Check(detail.Form, detail.Values, detail.Taxonomy);

    protected override string OwnerType => nameof(Demand);
    protected override string EditPage => "/Demands/Edit";
    protected override ErrorCode HasErrors => DemandErrors.Filing.HasErrors;
    protected override IReadOnlyList<RuleError> LoadedFindings() => FormCheck(Detail);
    protected override IReadOnlyList<RuleError> FindingsAfterAttach(Outcome<DraftSaved> saved) =>
        LoadedFindings().Where(f => !MissingValueCodes.Contains(f.Code)).ToList();

    protected override async Task<Outcome<IReadOnlyList<SubmitDemand.SimilarNotice>>> SubmitAsync(int id, CancellationToken cancellationToken)
    {
        var receipt = await submit.HandleAsync(User.Actor(), id, cancellationToken);
        return receipt.Succeeded ? new Outcome<IReadOnlyList<SubmitDemand.SimilarNotice>>(receipt.Value!.Similar, []) : receipt.Errors.ToList();
    }
}
