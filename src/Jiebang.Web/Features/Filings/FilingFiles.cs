using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Filings;

/// <summary>
/// A filing's files (stamped scans, attachment fields), guarded by the kind's own load-and-check; an
/// attachment field is saved through the draft's one save path.
/// </summary>
public class FilingFiles<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store, ISaveDraftValues<TLoaded> save,
    TimeProvider clock) : IFilingFiles
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    public string OwnerType => store.Kind.OwnerType;

    public async Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        if (FileErrors.WhyNotScanNow(outcome.Value!.Window.ClosesAt, clock.GetUtcNow()) is { } late) return late;
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
        return filing.IsEditable ? outcome.Value.Form : store.Kind.Lifecycle.NotEditable(filing);
    }

    public async Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var values = outcome.Value!.Draft;
        values[key] = value;
        var saved = await save.SaveValuesAsync(actor, outcome.Value, values, cancellationToken);
        return saved.Succeeded ? true : saved.Errors.ToList();
    }
}
