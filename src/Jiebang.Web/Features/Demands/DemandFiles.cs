using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>A demand's files, guarded by the demand's own load-and-check; an attachment field saves through <see cref="SaveDemandDraft"/>.</summary>
public sealed class DemandFiles(DemandStore store, SaveDemandDraft save, TimeProvider clock)
    : FilingFiles<Demand, DemandStatus, DemandStore.Loaded>(store, clock)
{
    protected override async Task<Outcome<bool>> SaveDraftAsync(Actor actor, DemandStore.Loaded loaded, JsonObject values,
        CancellationToken cancellationToken)
    {
        var saved = await save.HandleAsync(actor, loaded.Demand.Id, new SaveDemandDraft.Input
        {
            Values = values, Kind = loaded.Demand.Kind, RecommenderUnitId = loaded.Demand.RecommenderUnitId,
        }, cancellationToken);
        return saved.Succeeded ? true : saved.Errors.ToList();
    }
}
