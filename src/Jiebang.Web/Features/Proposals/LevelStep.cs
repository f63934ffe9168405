using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// What a recommending level's step on a proposal shares, returning it as rejecting it: the proposal loaded
/// for the level that holds it [annex 4 §4.2], the reason within its length, the step and its audit entry
/// saved together; a step that crossed another one on the proposal answers that it changed meanwhile.
/// </summary>
public abstract class LevelStep(ProposalStore store)
{
    public sealed record Input
    {
        public string? Reason { get; set; }
    }

    /// <param name="step">The domain's move, given the level that holds the proposal; the broken rule or null.</param>
    /// <param name="record">Records the step's audit entry, given the level and the status before.</param>
    protected async Task<Outcome<ProposalStatus>> TakeAsync(Actor actor, int id, string? reason,
        Func<Proposal, int, RuleError?> step, Action<Proposal, int, ProposalStatus> record, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var proposal = outcome.Value!.Proposal;
        if (ProposalPolicy.WhyNotRecommend(actor, proposal) is { } denied) return denied;
        if (Domain.Forms.FormLimits.WhyNotText(reason, "reason", Domain.Forms.FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var level = proposal.HolderUnitId!.Value;
        var before = proposal.Status;
        if (step(proposal, level) is { } refused) return refused;
        record(proposal, level, before);
        try
        {
            await store.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FilingErrors.ChangedMeanwhile.At("");
        }
        return proposal.Status;
    }
}
