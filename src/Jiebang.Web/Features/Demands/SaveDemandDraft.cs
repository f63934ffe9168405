using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// The one save path of a demand's draft: the web form, the autosave and the API all end here.
/// Whatever was typed is kept; the findings come back to show while typing.
/// </summary>
public sealed class SaveDemandDraft(DemandStore store, TimeProvider clock)
{
    public sealed record Input
    {
        public JsonObject Values { get; set; } = [];
        public DemandKind Kind { get; set; } = DemandKind.EnterpriseOwn;
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
        // Kept whatever was typed, within the platform's ceilings: a draft is refused, not cut, past them.
        if (Domain.Forms.FormLimits.WhyNot(input.Values) is { } overCeiling) return overCeiling;
        if (input.RecommenderUnitId is { } recommender && !await store.Db.Units.AnyAsync(
                u => u.Id == recommender && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment), cancellationToken))
            return DemandErrors.RecommenderUnknown.At("recommenderUnitId");

        var now = clock.GetUtcNow();
        var summary = FormSummaries.From(loaded.Form, input.Values);
        var stored = store.Phones.Protect(loaded.Form, input.Values).ToJsonString();
        if (loaded.Demand.SaveDraft(stored, summary, input.Kind, input.RecommenderUnitId, now) is { } refused)
            return refused;
        await store.Db.SaveChangesAsync(cancellationToken);
        return new Saved(id, now, loaded.Findings(input.Values));
    }
}
