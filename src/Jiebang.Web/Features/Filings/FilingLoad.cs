using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Filings;

/// <summary>The one load-and-check of every filing kind, answered by the kind's policy.</summary>
public static class FilingLoad
{
    /// <summary>
    /// Not found when the record does not exist or the actor may not see it (so ids cannot be probed), the
    /// reason when the actor may see but not change it.
    /// </summary>
    public static async Task<Outcome<TLoaded>> ForAsync<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store,
        Actor actor, int id, FilingAccess access, CancellationToken cancellationToken)
        where TFiling : class, IFiling<TStatus>
        where TStatus : struct, Enum
        where TLoaded : ILoadedFiling<TFiling>
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        var loaded = await store.LoadAsync(id, cancellationToken);
        if (loaded is null || store.Kind.WhyNotView(actor, loaded.Filing) is not null) return Outcome.NotFound();
        if (access == FilingAccess.Edit && store.Kind.WhyNotEdit(actor, loaded.Filing) is { } denied) return denied;
        return new Outcome<TLoaded>(loaded, []);
    }
}
