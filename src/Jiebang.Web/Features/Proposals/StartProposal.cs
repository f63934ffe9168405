using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// An applicant unit starts a proposal in an open call: taking up a published challenge-list item
/// (揭榜, from the item's public page), or applying in one of the call's categories (annex 4 §1).
/// </summary>
public sealed class StartProposal(ProposalStore store, FormRegistry forms, AuditTrail audit, TimeProvider clock)
    : IStartFiling<StartProposal.Input>
{
    public sealed record Input
    {
        public int? ItemId { get; set; }
        public int? RoundId { get; set; }
        public string? Category { get; set; }
    }

    /// <summary>What the start page shows before the unit confirms: the call, the item or category, the form.</summary>
    public sealed record Ready(Data.Round Round, GuidelineItem? Item, string Category, Domain.Forms.FormDefinition Form, Data.Unit Unit);

    public async Task<Outcome<int>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        var ready = await CheckAsync(actor, input, cancellationToken);
        if (!ready.Succeeded) return ready.Errors.ToList();
        var (round, item, category, form, unit) = ready.Value!;
        var db = store.Db;
        var now = clock.GetUtcNow();
        var target = item is null ? ProposalTarget.InCategory(category) : ProposalTarget.Item(item.Id);
        var proposal = Proposal.Start(round.Id, unit.Id, target, form.Key, form.Version, now);
        var values = await InitialValuesAsync(ready.Value!, cancellationToken);
        proposal.SaveDraft(store.Personal.Protect(form, values).ToJsonString(), FormSummaries.From(form, values).Title, null, now);
        return await NewFiling.AddAsync(db, proposal, p => p.Id, id => audit.Record(actor, "proposal.started", nameof(Proposal), id.ToString(),
            after: new { roundId = round.Id, itemId = item?.Id, category, form.Key, form.Version }), cancellationToken);
    }

    /// <summary>A new proposal's first values: what the form fills in from the unit, and the item's name as the project's.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> InitialValuesAsync(Ready ready, CancellationToken cancellationToken = default)
    {
        var region = await store.Db.Regions.AsNoTracking().Where(r => r.Code == ready.Unit.RegionCode).Select(r => r.Name)
            .FirstOrDefaultAsync(cancellationToken);
        var values = FormPrefill.InitialValues(ready.Form, ready.Unit, region ?? "");
        if (ready.Item is not null && ready.Form.Filing.TitleField is { } title) values[title] = ready.Item.Name;
        return values;
    }

    public async Task<Outcome<System.Text.Json.Nodes.JsonObject>> PrefilledAsync(Actor actor, Input input, CancellationToken cancellationToken)
    {
        var ready = await CheckAsync(actor, input, cancellationToken);
        return ready.Succeeded ? await InitialValuesAsync(ready.Value!, cancellationToken) : ready.Errors.ToList();
    }

    /// <summary>Every check of a start, without starting: the item is published, the call open, the unit may apply.</summary>
    public async Task<Outcome<Ready>> CheckAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var db = store.Db;
        GuidelineItem? item = null;
        if (input.ItemId is { } itemId)
        {
            item = await db.GuidelineItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
            if (item is not { Status: GuidelineItemStatus.Published }) return ProposalFilingErrors.ItemNotPublished.At("item");
        }
        else if (input.RoundId is null || string.IsNullOrWhiteSpace(input.Category)) return ProposalFilingErrors.TargetRequired.At("category");

        var roundId = item?.CallRoundId ?? input.RoundId!.Value;
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.Kind == RoundKind.ProposalCall, cancellationToken);
        if (round is null) return ProposalFilingErrors.CallNotFound.At("roundId");
        var now = clock.GetUtcNow();
        if (now < round.OpensAt) return ProposalFilingErrors.CallNotOpen.At("roundId", ChinaTime.Format(round.OpensAt));
        if (now >= round.ClosesAt) return ProposalFilingErrors.CallClosed.At("roundId", ChinaTime.Format(round.ClosesAt));
        if (item?.Deadline is { } deadline && now >= deadline) return ProposalFilingErrors.ItemDeadlinePassed.At("item", ChinaTime.Format(deadline));
        var category = item is null ? input.Category!.Trim() : "";
        if (item is null && !round.Settings.CapsByCategory.ContainsKey(category))
            return ProposalFilingErrors.CategoryUnknown.At("category", category.Length > 50 ? category[..50] : category,
                string.Join("、", round.Settings.CapsByCategory.Keys));

        var form = await FormOfAsync(round, cancellationToken);
        if (form is null) return ProposalFilingErrors.NoProposalForm.At("roundId");
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UnitId, cancellationToken);
        if (unit is null) return Permissions.SignInRequired;
        if (ProposalPolicy.WhyNotStart(actor, form, unit.Type) is { } denied) return denied;
        return new Ready(round, item, category, form, unit);
    }

    /// <summary>The call's proposal form: the first of its forms whose definition files a proposal.</summary>
    async Task<Domain.Forms.FormDefinition?> FormOfAsync(Data.Round round, CancellationToken cancellationToken)
    {
        foreach (var named in FormRef.ListOf(round.Forms))
            if (await forms.FormAsync(named.Key, named.Version, cancellationToken) is { Filing.Kind: "proposal" } form) return form;
        return null;
    }
}
