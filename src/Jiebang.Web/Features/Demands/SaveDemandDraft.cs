using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A demand's draft save (<see cref="SaveFilingDraft{TFiling, TStatus, TLoaded, TInput}"/>): besides the values,
/// the kind of demand and the association or department it goes through, and the inbox's summary.
/// </summary>
public sealed class SaveDemandDraft(DemandStore store, TimeProvider clock)
    : SaveFilingDraft<Demand, DemandStatus, DemandStore.Loaded, SaveDemandDraft.Input>(store)
{
    public sealed record Input : IDraftInput
    {
        public JsonObject Values { get; set; } = [];
        public DemandKind Kind { get; set; } = DemandKind.EnterpriseOwn;
        public int? RecommenderUnitId { get; set; }
    }

    protected override Input InputOf(DemandStore.Loaded loaded, JsonObject values) =>
        new() { Values = values, Kind = loaded.Demand.Kind, RecommenderUnitId = loaded.Demand.RecommenderUnitId };

    protected override async Task<RuleError?> WhyNotRecommenderAsync(int unitId, CancellationToken cancellationToken) =>
        await store.Db.Units.AnyAsync(u => u.Id == unitId && (u.Type == UnitType.Association || u.Type == UnitType.GovernmentDepartment),
            cancellationToken) ? null : DemandErrors.RecommenderUnknown.At("recommenderUnitId");

    protected override async Task<Outcome<DraftSaved>> SaveAsync(DemandStore.Loaded loaded, Input input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var summary = FormSummaries.From(loaded.Form, input.Values);
        var stored = store.Phones.Protect(loaded.Form, input.Values).ToJsonString();
        if (loaded.Demand.SaveDraft(stored, summary, input.Kind, input.RecommenderUnitId, now) is { } refused) return refused;
        await store.Db.SaveChangesAsync(cancellationToken);
        return new DraftSaved(loaded.Demand.Id, now, loaded.Findings(input.Values));
    }
}
