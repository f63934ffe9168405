using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// An applicant unit starts a proposal in an open call: taking up a published challenge-list item
/// (揭榜, from the item's public page), or applying in one of the call's categories (annex 4 §1).
/// </summary>
public sealed class StartProposal(ProposalStore store, FormRegistry forms, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public int? ItemId { get; set; }
        public int? RoundId { get; set; }
        public string? Category { get; set; }
    }

    public async Task<Outcome<int>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
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
        var category = input.Category?.Trim() ?? "";
        if (item is null && !round.Settings.CapsByCategory.ContainsKey(category))
            return ProposalFilingErrors.CategoryUnknown.At("category", category.Length > 50 ? category[..50] : category,
                string.Join("、", round.Settings.CapsByCategory.Keys));

        var named = await FormOfAsync(round, cancellationToken);
        if (named is null) return ProposalFilingErrors.NoProposalForm.At("roundId");
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UnitId, cancellationToken);
        if (unit is null) return Permissions.SignInRequired;
        if (ProposalPolicy.WhyNotStart(actor, named, unit.Type) is { } denied) return denied;

        var target = item is null ? ProposalTarget.InCategory(category) : ProposalTarget.Item(item.Id);
        var proposal = Proposal.Start(round.Id, unit.Id, target, named.Key, named.Version, now);
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == unit.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var values = FormPrefill.InitialValues(named, unit, region ?? "");
        if (item is not null && named.Filing.TitleField is { } title) values[title] = item.Name;
        proposal.SaveDraft(store.Personal.Protect(named, values).ToJsonString(), FormSummaries.From(named, values).Title, null, now);
        db.Proposals.Add(proposal);
        // One unit of work: the proposal and its audit entry, which names the id the first save gives it.
        return await db.InOneTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "proposal.started", nameof(Proposal), proposal.Id.ToString(),
                after: new { roundId = round.Id, itemId = item?.Id, category, named.Key, named.Version });
            await db.SaveChangesAsync(cancellationToken);
            return proposal.Id;
        }, cancellationToken);
    }

    /// <summary>The call's proposal form: the first of its forms whose definition files a proposal.</summary>
    async Task<Domain.Forms.FormDefinition?> FormOfAsync(Data.Round round, CancellationToken cancellationToken)
    {
        foreach (var named in FormRef.ListOf(round.Forms))
            if (await forms.FormAsync(named.Key, named.Version, cancellationToken) is { Filing.Kind: "proposal" } form) return form;
        return null;
    }
}
