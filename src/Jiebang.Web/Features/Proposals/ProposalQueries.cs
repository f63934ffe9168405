using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>Lists and details of proposals, each as its reader may see it.</summary>
public sealed class ProposalQueries(ProposalStore store)
{
    public sealed record Row(int Id, string Title, int RoundId, string RoundTitle, int? GuidelineItemId, string Category,
        ProposalStatus Status, DateTimeOffset UpdatedAt, string? Receipt);

    public sealed record Detail(ProposalStore.Loaded Loaded, string OwnerUnitName, string? RecommenderUnitName, JsonObject Values,
        FilingVersion<ProposalStatus>? ShownVersion, bool ShowsDraft)
    {
        public Proposal Proposal => Loaded.Proposal;
    }

    /// <summary>The actor's own unit's proposals ("我的申报").</summary>
    public async Task<Outcome<IReadOnlyList<Row>>> OwnAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var db = store.Db;
        return await (from p in db.Proposals.VisibleTo(actor).Where(p => p.OwnerUnitId == actor.UnitId)
                      join r in db.Rounds on p.RoundId equals r.Id
                      orderby p.UpdatedAt descending
                      select new Row(p.Id, p.Title, p.RoundId, r.Title, p.GuidelineItemId, p.Category, p.Status, p.UpdatedAt,
                          p.Versions.OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<Detail>> DetailAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var proposal = loaded.Proposal;
        // The owner works on the draft; everyone else reads what was submitted, with personal data masked.
        var owner = actor.BelongsTo(proposal.OwnerUnitId);
        var showsDraft = owner && (proposal.IsEditable || proposal.LatestVersion is null);
        var version = showsDraft ? null : proposal.LatestVersion;
        var values = version is null ? loaded.Draft : store.Values(loaded.Form, version.ValuesJson);
        if (!owner) values = FormPhones.Mask(loaded.Form, values);
        var names = await store.Db.Units.Where(u => u.Id == proposal.OwnerUnitId || u.Id == proposal.RecommenderUnitId)
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return new Detail(loaded, names[proposal.OwnerUnitId],
            proposal.RecommenderUnitId is { } r ? names.GetValueOrDefault(r) : null, values, version, showsDraft);
    }
}
