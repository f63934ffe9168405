using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Filings;

/// <summary>What every kind's draft save takes: the form's values, and the unit it is to be submitted through.</summary>
public interface IDraftInput
{
    JsonObject Values { get; }
    int? RecommenderUnitId { get; }
}

/// <summary>A draft saved: its id, when, and the findings to show while typing.</summary>
public sealed record DraftSaved(int Id, DateTimeOffset SavedAt, IReadOnlyList<RuleError> Findings);

/// <summary>A kind's draft saved again with other values (an attachment field's), the kind's own choices kept as they are.</summary>
public interface ISaveDraftValues<in TLoaded>
{
    Task<Outcome<DraftSaved>> SaveValuesAsync(Actor actor, TLoaded loaded, JsonObject values, CancellationToken cancellationToken);
}

/// <summary>
/// The one save path of a filing's draft: the web form, the autosave, the API, the Word import and the
/// attachment fields all end here. Whatever was typed is kept, within the platform's ceilings; the
/// findings come back to show while typing. A kind adds who may recommend and what it stores beside the values.
/// </summary>
public abstract class SaveFilingDraft<TFiling, TStatus, TLoaded, TInput>(IFilingStore<TFiling, TStatus, TLoaded> store)
    : ISaveDraftValues<TLoaded>, ISaveDraft<TInput>
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
    where TInput : IDraftInput
{
    /// <summary>Why the unit named to submit through is not one (not a recommending unit of the kind), or null.</summary>
    protected abstract Task<RuleError?> WhyNotRecommenderAsync(int unitId, CancellationToken cancellationToken);

    /// <summary>Stores the checked values on the loaded record and saves it; answers what was saved and the findings.</summary>
    protected abstract Task<Outcome<DraftSaved>> SaveAsync(TLoaded loaded, TInput input, CancellationToken cancellationToken);

    /// <summary>The input that saves these values with the record's own choices as they are.</summary>
    protected abstract TInput InputOf(TLoaded loaded, JsonObject values);

    public Task<Outcome<DraftSaved>> SaveValuesAsync(Actor actor, TLoaded loaded, JsonObject values, CancellationToken cancellationToken) =>
        HandleAsync(actor, loaded.Filing.Id, InputOf(loaded, values), cancellationToken);

    public async Task<Outcome<DraftSaved>> HandleAsync(Actor actor, int id, TInput input, CancellationToken cancellationToken = default) =>
        // An autosave and a submit of the same draft can cross; the later save of a draft wins.
        await store.Db.RetryingAsync(() => TrySaveAsync(actor, id, input, cancellationToken), cancellationToken);

    async Task<Outcome<DraftSaved>> TrySaveAsync(Actor actor, int id, TInput input, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        // A draft is refused, not cut, past the platform's ceilings.
        if (Domain.Forms.FormLimits.WhyNot(input.Values) is { } overCeiling) return overCeiling;
        if (input.RecommenderUnitId is { } recommender && await WhyNotRecommenderAsync(recommender, cancellationToken) is { } unknown)
            return unknown;
        return await SaveAsync(outcome.Value!, input, cancellationToken);
    }
}
