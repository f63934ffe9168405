using System.Text.Json.Nodes;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Filings;

/// <summary>What the core asks of a kind's start: the values its new form starts with (or why it may not start), and the start.</summary>
public interface IStartFiling<in TTarget>
{
    Task<Outcome<JsonObject>> PrefilledAsync(Actor actor, TTarget target, CancellationToken cancellationToken);
    Task<Outcome<int>> HandleAsync(Actor actor, TTarget target, CancellationToken cancellationToken);
}

/// <summary>What the core asks of a kind's draft save: its one save path.</summary>
public interface ISaveDraft<in TInput>
{
    Task<Outcome<DraftSaved>> HandleAsync(Actor actor, int id, TInput input, CancellationToken cancellationToken);
}

/// <summary>
/// A new form is not a draft until something is typed in it: its first save with content starts the
/// filing and saves what was typed, in one transaction; a save with nothing typed starts nothing (the
/// answer is null), so opening a form leaves no empty draft behind.
/// </summary>
public class SaveNewFiling<TTarget, TInput>(IStartFiling<TTarget> start, ISaveDraft<TInput> save, JiebangDbContext db)
    where TInput : IDraftInput
{
    /// <param name="evenIfEmpty">Start it anyway: the Word import and an attached file are content.</param>
    public async Task<Outcome<DraftSaved?>> HandleAsync(Actor actor, TTarget target, TInput first, bool evenIfEmpty = false,
        CancellationToken cancellationToken = default)
    {
        var prefilled = await start.PrefilledAsync(actor, target, cancellationToken);
        if (!prefilled.Succeeded) return prefilled.Errors.ToList();
        if (!evenIfEmpty && !FormContent.HasContent(first.Values, prefilled.Value!)) return new Outcome<DraftSaved?>(null, []);
        // Checked before starting, so that a refused first save leaves no draft either.
        if (Domain.Forms.FormLimits.WhyNot(first.Values) is { } overCeiling) return overCeiling;
        return await db.InOneTransactionAsync(async () =>
        {
            var started = await start.HandleAsync(actor, target, cancellationToken);
            if (!started.Succeeded) return started.Errors.ToList();
            var saved = await save.HandleAsync(actor, started.Value, first, cancellationToken);
            return saved.Succeeded ? saved.Value : new Outcome<DraftSaved?>(null, saved.Errors);
        }, cancellationToken);
    }
}

/// <summary>How every kind's filing is added.</summary>
public static class NewFiling
{
    /// <summary>
    /// One unit of work: the new filing and its audit entry (<paramref name="audit"/>), which names the id the
    /// first save gives it.
    /// </summary>
    public static async Task<Outcome<int>> AddAsync<TFiling>(JiebangDbContext db, TFiling filing, Func<TFiling, int> idOf,
        Action<int> audit, CancellationToken cancellationToken) where TFiling : class
    {
        db.Add(filing);
        return await db.InOneTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit(idOf(filing));
            await db.SaveChangesAsync(cancellationToken);
            return idOf(filing);
        }, cancellationToken);
    }
}
