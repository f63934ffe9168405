using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Filings;

/// <summary>
/// The submit every filing kind shares: re-checks the saved draft on the server with the same findings as
/// while typing and freezes it as a version with a receipt. A double submit makes one version: the domain
/// returns the existing one, and a concurrent twin fails on the unique version number or the concurrency
/// stamp. A kind adds its audit entry, its receipt and what follows the commit (查重).
/// </summary>
public abstract class SubmitFiling<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store, TimeProvider clock)
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>A new version to index after its commit, or the one a double submit already made.</summary>
    protected sealed record Submitted(TLoaded Loaded, FilingVersion<TStatus> Version, bool IsNew);

    /// <summary>Records the kind's entry of a new version, in the submit's unit of work.</summary>
    protected abstract void Audit(Actor actor, TFiling filing, TStatus before, FilingVersion<TStatus> version);

    /// <summary>Runs the submit; when a concurrent twin won, answers with the version it made.</summary>
    protected async Task<Outcome<TReceipt>> OnceAsync<TReceipt>(int id, Func<Task<Outcome<TReceipt>>> submit,
        Func<TFiling, FilingVersion<TStatus>, TReceipt> receiptOf, CancellationToken cancellationToken)
    {
        try
        {
            return await submit();
        }
        catch (DbUpdateException)
        {
            store.Db.ChangeTracker.Clear();
            var loaded = await store.LoadAsync(id, cancellationToken);
            return loaded?.Filing.LatestVersion is { } v ? receiptOf(loaded.Filing, v) : throw new InvalidOperationException("submit lost");
        }
    }

    /// <summary>Loads and checks the filing, freezes its draft and saves the version with its audit entry.</summary>
    protected async Task<Outcome<Submitted>> SubmitLoadedAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var filing = loaded.Filing;
        var findings = loaded.Findings(loaded.Draft);
        var versionsBefore = filing.VersionList.Count;
        var before = filing.Status;
        if (filing.Submit(loaded.Window, findings, actor.AsFiler(), Clock.GetUtcNow()) is { } refused)
            return refused.Is(store.Kind.Lifecycle.Errors.HasErrors) ? findings.Where(f => f.IsError).ToList() : refused;
        if (filing.VersionList.Count == versionsBefore) return new Submitted(loaded, filing.LatestVersion!, IsNew: false);

        Audit(actor, filing, before, filing.LatestVersion!);
        await store.Db.SaveChangesAsync(cancellationToken);
        return new Submitted(loaded, filing.LatestVersion!, IsNew: true);
    }
}
