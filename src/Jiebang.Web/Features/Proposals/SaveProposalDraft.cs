using System.Text.Json.Nodes;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The one save path of a proposal's draft: the web form, the autosave, the API, the Word import and
/// the attachment fields all end here. Whatever was typed is kept; the findings come back.
/// </summary>
public sealed class SaveProposalDraft(ProposalStore store, TimeProvider clock, Blacklist.BlacklistIdentifiers identifiers)
{
    public sealed record Input
    {
        public JsonObject Values { get; set; } = [];
        public int? RecommenderUnitId { get; set; }
    }

    public sealed record Saved(int Id, DateTimeOffset SavedAt, IReadOnlyList<RuleError> Findings);

    public async Task<Outcome<Saved>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default) =>
        // An autosave and a submit of the same draft can cross; the later save of a draft wins.
        await store.Db.RetryingAsync(() => TrySaveAsync(actor, id, input, cancellationToken), cancellationToken);

    async Task<Outcome<Saved>> TrySaveAsync(Actor actor, int id, Input input, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        if (Domain.Forms.FormLimits.WhyNot(input.Values) is { } overCeiling) return overCeiling;
        if (input.RecommenderUnitId is { } recommender && !await IsRecommenderAsync(recommender, cancellationToken))
            return ProposalFilingErrors.RecommenderUnknown.At("recommenderUnitId");

        var now = clock.GetUtcNow();
        var title = FormSummaries.From(loaded.Form, input.Values).Title;
        var stored = store.Personal.Protect(loaded.Form, input.Values).ToJsonString();
        if (loaded.Proposal.SaveDraft(stored, title, input.RecommenderUnitId, now) is { } refused) return refused;
        store.Db.Entry(loaded.Proposal).Property<string?>(Data.ProposalModel.LeaderIdHash).CurrentValue = LeaderIdHash(input.Values);
        await store.Db.SaveChangesAsync(cancellationToken);
        await loaded.Rules.PrepareAsync(input.Values, cancellationToken);
        return new Saved(id, now, loaded.Findings(input.Values));
    }

    /// <summary>The keyed hash of the leader's ID number, by which the one-channel rule finds the same leader in the round.</summary>
    string? LeaderIdHash(System.Text.Json.Nodes.JsonObject values) =>
        values["leaderIdNumber"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out string? number) && !string.IsNullOrWhiteSpace(number)
            ? identifiers.Hash(Domain.Integrity.BlacklistIdentifierKind.ResidentId, number) : null;

    Task<bool> IsRecommenderAsync(int unitId, CancellationToken cancellationToken) =>
        store.Db.Units.AnyAsync(u => u.Id == unitId && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment
            || u.Type == UnitType.ScienceBureau), cancellationToken);
}
