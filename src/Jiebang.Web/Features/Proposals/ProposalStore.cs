using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>Loads a proposal with its history, and the form, taxonomy, item and window of its call.</summary>
public sealed class ProposalStore(JiebangDbContext db, FormRegistry forms, FormPhones personal, TimeProvider clock,
    Blacklist.BlacklistIdentifiers identifiers, RegionListCache regions)
    : Filings.IFilingStore<Proposal, ProposalStatus, ProposalStore.Loaded>
{
    /// <summary>A proposal with its form; <see cref="Draft"/> holds the draft's values with phones and ID numbers decrypted.</summary>
    public sealed record Loaded(Proposal Proposal, Round Round, GuidelineItem? Item, FormDefinition Form, Taxonomy? Taxonomy,
        JsonObject Draft, DateOnly Today, ProposalRuleContext Rules) : Filings.ILoadedFiling<Proposal>
    {
        Proposal Filings.ILoadedFiling<Proposal>.Filing => Proposal;
        /// <summary>
        /// The call's filing window, closing at the item's own deadline when that is earlier. A proposal that formal
        /// review returned for revision may be submitted again until the formal-review stage closes (any time while
        /// the call sets no such stage).
        /// </summary>
        public FilingWindow Window => Proposal.IsReturnedByFormalReview
            ? new(Round.OpensAt, Round.Schedule.Stage(RoundStageKind.FormalReview)?.ClosesAt ?? RoundLimits.After)
            : new(Round.OpensAt, Item?.Deadline is { } deadline && deadline < Round.ClosesAt ? deadline : Round.ClosesAt);

        /// <summary>
        /// The form's findings, the filing's and the annex-4 rules' (at the form's fields), the same while typing, at
        /// save, at submit and at each recommendation. Values whose identifiers the load did not see are best
        /// prepared first (<see cref="ProposalRuleContext.PrepareAsync"/>).
        /// </summary>
        public IReadOnlyList<RuleError> Findings(JsonObject values)
        {
            var formFindings = FormCheck.Check(Form, values, Taxonomy, Today);
            return ProposalFindings.Of(Proposal, formFindings, ProposalRuleFields.OnForm(Rules.Check(values, Today), formFindings, Form));
        }
    }

    public JiebangDbContext Db => db;
    public Filings.FilingKind<Proposal, ProposalStatus> Kind { get; } = new(nameof(Proposal), "proposal", Proposal.Lifecycle,
        ProposalPolicy.WhyNotView, ProposalPolicy.WhyNotEdit, ProposalPolicy.WhyNotDelete);
    public void Remove(Proposal filing) => db.Proposals.Remove(filing);
    public FormPhones Personal => personal;

    public JsonObject Values(FormDefinition form, string json) =>
        personal.Unprotect(form, JsonNode.Parse(json) as JsonObject ?? []);

    /// <summary>The one load-and-check of a proposal (<see cref="Filings.FilingLoad.ForAsync"/>).</summary>
    public Task<Outcome<Loaded>> LoadForAsync(Actor actor, int id, FilingAccess access, CancellationToken cancellationToken) =>
        Filings.FilingLoad.ForAsync(this, actor, id, access, cancellationToken);

    /// <summary>A proposal not saved yet (a new form, id 0), loaded as a saved one is so that the page shows it the same way.</summary>
    public async Task<Loaded> UnsavedAsync(Proposal proposal, Round round, GuidelineItem? item, FormDefinition form, JsonObject values,
        CancellationToken cancellationToken)
    {
        var rules = await ProposalRuleContext.LoadAsync(db, identifiers, regions, proposal, item, round, form, [values], cancellationToken);
        return new Loaded(proposal, round, item, form, await forms.TaxonomyAsync(DemandStore.TaxonomyKeyOf(form, round), cancellationToken),
            values, DateOnly.FromDateTime(clock.GetUtcNow().ToChina().DateTime), rules);
    }

    public async Task<Loaded?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.Include(p => p.Versions).Include(p => p.Events).Include(p => p.Levels)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null) return null;
        var round = await db.Rounds.FirstAsync(r => r.Id == proposal.RoundId, cancellationToken);
        var item = proposal.GuidelineItemId is { } itemId
            ? await db.GuidelineItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken) : null;
        var form = await forms.FormAsync(proposal.FormKey, proposal.FormVersion, cancellationToken)
            ?? throw new InvalidOperationException($"form {proposal.FormKey} v{proposal.FormVersion} is missing");
        var draft = Values(form, proposal.DraftJson);
        // The rules' lookups for the draft and the latest submitted version, the values a page, a submit or a recommendation checks.
        JsonObject[] checkedValues = proposal.LatestVersion is { } latest ? [draft, Values(form, latest.ValuesJson)] : [draft];
        var rules = await ProposalRuleContext.LoadAsync(db, identifiers, regions, proposal, item, round, form, checkedValues, cancellationToken);
        return new Loaded(proposal, round, item, form, await forms.TaxonomyAsync(DemandStore.TaxonomyKeyOf(form, round), cancellationToken),
            draft, DateOnly.FromDateTime(clock.GetUtcNow().ToChina().DateTime), rules);
    }
}
