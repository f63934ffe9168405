using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Demands;

/// <summary>A demand's files, guarded by the demand's own load-and-check.</summary>
public sealed class DemandFiles(DemandStore store, SaveDemandDraft save, TimeProvider clock) : IFilingFiles
{
    public string OwnerType => nameof(Demand);

    public async Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        if (Files.FileErrors.WhyNotScanNow(outcome.Value!.Round.ClosesAt, clock.GetUtcNow()) is { } late) return late;
        return outcome.Value.Demand.LatestVersion is { } version ? version.Number : Files.FileErrors.NotAllowedNow.At("file");
    }

    public async Task<Outcome<bool>> CheckReadAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        return outcome.Succeeded ? true : outcome.Errors.ToList();
    }

    public async Task<Outcome<FormDefinition>> EditableFormAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var demand = outcome.Value!.Demand;
        return demand.IsEditable ? outcome.Value.Form : Demand.Lifecycle.NotEditable(demand);
    }

    public async Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var values = loaded.Draft;
        values[key] = value;
        var saved = await save.HandleAsync(actor, id, new SaveDemandDraft.Input
        {
            Values = values, Kind = loaded.Demand.Kind, RecommenderUnitId = loaded.Demand.RecommenderUnitId,
        }, cancellationToken);
        return saved.Succeeded ? true : saved.Errors.ToList();
    }
}
