using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Filings;

/// <summary>
/// A filing's files (stamped scans, attachment fields), guarded by the kind's own load-and-check; a kind
/// adds only how one field of its draft is saved, through its draft's one save path.
/// </summary>
public abstract class FilingFiles<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store, TimeProvider clock) : IFilingFiles
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    public string OwnerType => store.OwnerType;

    /// <summary>Saves the draft's values, one field changed, through the kind's save path.</summary>
    protected abstract Task<Outcome<bool>> SaveDraftAsync(Actor actor, TLoaded loaded, JsonObject values, CancellationToken cancellationToken);

    public async Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        if (FileErrors.WhyNotScanNow(outcome.Value!.Round.ClosesAt, clock.GetUtcNow()) is { } late) return late;
        return outcome.Value.Filing.LatestVersion is { } version ? version.Number : FileErrors.NotAllowedNow.At("file");
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
        var filing = outcome.Value!.Filing;
        return filing.IsEditable ? outcome.Value.Form : store.Lifecycle.NotEditable(filing);
    }

    public async Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var values = outcome.Value!.Draft;
        values[key] = value;
        return await SaveDraftAsync(actor, outcome.Value, values, cancellationToken);
    }
}
