using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A new demand's form is not a draft until something is typed in it: its first save with content
/// starts the demand and saves what was typed, in one transaction; a save with nothing typed starts
/// nothing (the answer is null), so opening a form leaves no empty 未命名 draft behind.
/// </summary>
public sealed class SaveNewDemand(StartDemand start, SaveDemandDraft save, DemandStore store)
{
    public async Task<Outcome<SaveDemandDraft.Saved?>> HandleAsync(Actor actor, StartDemand.Input target, SaveDemandDraft.Input first,
        bool evenIfEmpty = false, CancellationToken cancellationToken = default)
    {
        var blank = await start.CheckAsync(actor, target, cancellationToken);
        if (!blank.Succeeded) return blank.Errors.ToList();
        if (!evenIfEmpty && !FormContent.HasContent(first.Values, blank.Value!.Values)) return new Outcome<SaveDemandDraft.Saved?>(null, []);
        // Checked before starting, so that a refused first save leaves no draft either.
        if (Domain.Forms.FormLimits.WhyNot(first.Values) is { } overCeiling) return overCeiling;
        return await store.Db.InOneTransactionAsync(async () =>
        {
            var started = await start.HandleAsync(actor, target, cancellationToken);
            if (!started.Succeeded) return started.Errors.ToList();
            var saved = await save.HandleAsync(actor, started.Value, first, cancellationToken);
            return saved.Succeeded ? saved.Value : new Outcome<SaveDemandDraft.Saved?>(null, saved.Errors);
        }, cancellationToken);
    }
}
