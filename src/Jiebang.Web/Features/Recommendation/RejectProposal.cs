using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>A recommending level does not recommend a proposal (不予推荐), saying why; the applicant reads the reason.</summary>
public sealed class RejectProposal(ProposalStore store, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string? Reason { get; set; }
    }

    public async Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var proposal = outcome.Value!.Proposal;
        if (ProposalPolicy.WhyNotRecommend(actor, proposal) is { } denied) return denied;
        if (Domain.Forms.FormLimits.WhyNotText(input.Reason, "reason", Domain.Forms.FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var level = proposal.HolderUnitId!.Value;
        var before = proposal.Status;
        if (proposal.Reject(level, input.Reason, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "proposal.rejected", nameof(Proposal), id.ToString(), new { Status = before },
            new { proposal.Status, level, Decision = LevelDecision.Rejected }, input.Reason?.Trim());
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
