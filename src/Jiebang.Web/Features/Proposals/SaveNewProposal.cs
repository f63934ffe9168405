using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// A new proposal's form is not a draft until something is typed in it: its first save with content
/// starts the proposal and saves what was typed, in one transaction; a save with nothing typed starts
/// nothing (the answer is null), so opening a form leaves no empty draft behind.
/// </summary>
public sealed class SaveNewProposal(StartProposal start, SaveProposalDraft save, ProposalStore store)
{
    public async Task<Outcome<SaveProposalDraft.Saved?>> HandleAsync(Actor actor, StartProposal.Input target, SaveProposalDraft.Input first,
        bool evenIfEmpty = false, CancellationToken cancellationToken = default)
    {
        var ready = await start.CheckAsync(actor, target, cancellationToken);
        if (!ready.Succeeded) return ready.Errors.ToList();
        var initial = await start.InitialValuesAsync(ready.Value!, cancellationToken);
        if (!evenIfEmpty && !FormContent.HasContent(first.Values, initial)) return new Outcome<SaveProposalDraft.Saved?>(null, []);
        // Checked before starting, so that a refused first save leaves no draft either.
        if (Domain.Forms.FormLimits.WhyNot(first.Values) is { } overCeiling) return overCeiling;
        return await store.Db.InOneTransactionAsync(async () =>
        {
            var started = await start.HandleAsync(actor, target, cancellationToken);
            if (!started.Succeeded) return started.Errors.ToList();
            var saved = await save.HandleAsync(actor, started.Value, first, cancellationToken);
            return saved.Succeeded ? saved.Value : new Outcome<SaveProposalDraft.Saved?>(null, saved.Errors);
        }, cancellationToken);
    }
}
