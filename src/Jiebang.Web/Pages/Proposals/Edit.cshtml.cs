using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Pages.Shared;
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
    AttachToField attach, JiebangDbContext db, StartProposal start, SaveNewProposal saveNew, ProposalStore store, TimeProvider clock)
    : FilingEditModel(attach, db)
{
    /// <summary>What a new form takes up (an item, or a call's category), from its address or from the form's hidden fields.</summary>
    [BindProperty(SupportsGet = true, Name = "item")] public int? ItemId { get; set; }
    [BindProperty(SupportsGet = true, Name = "round")] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    StartProposal.Input Target => new() { ItemId = ItemId, RoundId = RoundId, Category = Category?.Length > 100 ? Category[..100] : Category };

    public ProposalQueries.Detail Detail { get; private set; } = null!;
    public IReadOnlyList<Unit> Recommenders { get; private set; } = [];
    [BindProperty] public int? RecommenderUnitId { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return await LoadNewAsync(cancellationToken) ?? Page();
        if (await LoadAsync(id.Value, cancellationToken) is { } failed) return failed;
        if (!Detail.Proposal.IsEditable) return RedirectToPage("Details", new { id });
        var findings = Detail.Loaded.Findings(Detail.Values);
        Findings = Detail.Proposal.Status == ProposalStatus.Returned ? findings
            : findings.Where(f => !MissingValueCodes.Contains(f.Code) && !f.Is(ProposalFilingErrors.RecommenderRequired)).ToList();
        return Page();
    }

    protected override Task<Outcome<WordImported>> ImportAsync(int id, Stream content, long length, CancellationToken cancellationToken) =>
        documents.ImportAsync(User.Actor(), id, content, length, cancellationToken);

    protected override Task<Outcome<DraftSaved?>> StartShownAsync(CancellationToken cancellationToken) =>
        saveNew.HandleAsync(User.Actor(), Target,
            new SaveProposalDraft.Input { Values = Detail.Values, RecommenderUnitId = RecommenderUnitId }, true, cancellationToken);

    protected override async Task<Outcome<DraftSaved>> SaveAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var values = FormPost.ToValues(detail.Value!.Loaded.Form, Request.Form);
        return await save.HandleAsync(User.Actor(), id, new SaveProposalDraft.Input { Values = values, RecommenderUnitId = RecommenderUnitId },
            cancellationToken);
    }

    /// <summary>The first save of a new form: the posted values, starting the draft only when something was typed.</summary>
    protected override async Task<Outcome<DraftSaved?>> SaveNewAsync(bool evenIfEmpty, CancellationToken cancellationToken)
    {
        var ready = await start.CheckAsync(User.Actor(), Target, cancellationToken);
        if (!ready.Succeeded) return ready.Errors.ToList();
        var values = FormPost.ToValues(ready.Value!.Form, Request.Form);
        return await saveNew.HandleAsync(User.Actor(), Target, new SaveProposalDraft.Input { Values = values, RecommenderUnitId = RecommenderUnitId },
            evenIfEmpty, cancellationToken);
    }

    /// <summary>A new form: the call's form with what is filled in from the unit and the item, on a proposal not yet saved (id 0).</summary>
    protected override async Task<IActionResult?> LoadNewAsync(CancellationToken cancellationToken)
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
        Db.Units.AsNoTracking()
            .Where(u => u.Status == UnitStatus.Approved && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment
                || u.Type == UnitType.ScienceBureau))
            .OrderBy(u => u.Name).ToListAsync(cancellationToken);

    protected override async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var detail = await queries.DetailAsync(User.Actor(), id, cancellationToken);
        if (detail.IsForbidden) return Challenge();
        if (!detail.Succeeded) return NotFound();
        Detail = detail.Value!;
        RecommenderUnitId = Detail.Proposal.RecommenderUnitId;
        await LoadAttachedFilesAsync(id, cancellationToken);
        Recommenders = await RecommendersAsync(cancellationToken);
        return null;
    }

    protected override string OwnerType => nameof(Proposal);
    protected override string EditPage => "/Proposals/Edit";
    protected override ErrorCode HasErrors => ProposalFilingErrors.Filing.HasErrors;
    protected override IReadOnlyList<RuleError> LoadedFindings() => Detail.Loaded.Findings(Detail.Values);
    protected override IReadOnlyList<RuleError> FindingsAfterAttach(Outcome<DraftSaved> saved) => saved.Value?.Findings ?? [];

    protected override async Task<Outcome<IReadOnlyList<SubmitDemand.SimilarNotice>>> SubmitAsync(int id, CancellationToken cancellationToken)
    {
        var receipt = await submit.HandleAsync(User.Actor(), id, cancellationToken);
        return receipt.Succeeded ? new Outcome<IReadOnlyList<SubmitDemand.SimilarNotice>>(receipt.Value!.Similar, []) : receipt.Errors.ToList();
    }
}
