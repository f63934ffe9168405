using System.Text.Json.Nodes;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// A proposal's draft save (<see cref="SaveFilingDraft{TFiling, TStatus, TLoaded, TInput}"/>): besides the values,
/// the recommending unit it goes through and its leader's hashed ID number, for the one-channel rule.
/// </summary>
public sealed class SaveProposalDraft(ProposalStore store, TimeProvider clock, Blacklist.BlacklistIdentifiers identifiers)
    : SaveFilingDraft<Proposal, ProposalStatus, ProposalStore.Loaded, SaveProposalDraft.Input>(store)
{
    public sealed record Input : IDraftInput
    {
        public JsonObject Values { get; set; } = [];
        public int? RecommenderUnitId { get; set; }
    }

    protected override Input InputOf(ProposalStore.Loaded loaded, JsonObject values) =>
        new() { Values = values, RecommenderUnitId = loaded.Proposal.RecommenderUnitId };

    protected override async Task<RuleError?> WhyNotRecommenderAsync(int unitId, CancellationToken cancellationToken) =>
        await store.Db.Units.AnyAsync(u => u.Id == unitId && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment
            || u.Type == UnitType.ScienceBureau), cancellationToken) ? null : ProposalFilingErrors.RecommenderUnknown.At("recommenderUnitId");

    protected override async Task<Outcome<DraftSaved>> SaveAsync(ProposalStore.Loaded loaded, Input input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var title = FormSummaries.From(loaded.Form, input.Values).Title;
        var stored = store.Personal.Protect(loaded.Form, input.Values).ToJsonString();
        if (loaded.Proposal.SaveDraft(stored, title, input.RecommenderUnitId, now) is { } refused) return refused;
        store.Db.Entry(loaded.Proposal).Property<string?>(Data.ProposalModel.LeaderIdHash).CurrentValue =
            LeaderIdHashOf(identifiers, input.Values) ?? Data.ProposalModel.NoLeaderIdHash;
        await store.Db.SaveChangesAsync(cancellationToken);
        await loaded.Rules.PrepareAsync(input.Values, cancellationToken);
        return new DraftSaved(loaded.Proposal.Id, now, loaded.Findings(input.Values));
    }

    /// <summary>The keyed hash of the leader's ID number, by which the one-channel rule finds the same leader in the round.</summary>
    public static string? LeaderIdHashOf(Blacklist.BlacklistIdentifiers identifiers, JsonObject values) =>
        values["leaderIdNumber"] is JsonValue v && v.TryGetValue(out string? number) && !string.IsNullOrWhiteSpace(number)
            ? identifiers.Hash(Domain.Integrity.BlacklistIdentifierKind.ResidentId, number) : null;
}
