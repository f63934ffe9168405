using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.FormalReview;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.FormalReview;

/// <summary>
/// Bureau staff decide a proposal's formal review [notice §3: 形式审核（主体和格式）]: it passes on to expert review,
/// goes back to its unit for revision, or fails, within the call's formal-review stage. The decision and its audit
/// entry are saved together; a decision that crossed another reviewer's answers that the proposal changed meanwhile.
/// </summary>
public sealed class DecideFormalReview(ProposalStore store, AuditTrail audit, TimeProvider clock)
{
    public enum Decision { Pass, Return, Fail }

    public sealed record Input
    {
        /// <summary>pass, return or fail.</summary>
        public string? Decision { get; set; }
        /// <summary>The reviewer's note on a pass; the reasons the applicant reads on a return or a fail (required then).</summary>
        public string? Reason { get; set; }
    }

    public async Task<Outcome<ProposalStatus>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        if (ProposalPolicy.WhyNotFormalReview(actor) is { } denied) return denied;
        if (input.Decision is not { Length: > 0 } given || !given.All(char.IsAsciiLetter)
            || !Enum.TryParse<Decision>(given, ignoreCase: true, out var decision))
            return FormalReviewErrors.DecisionUnknown.At("decision", input.Decision ?? "");
        if (FormLimits.WhyNotText(input.Reason, "reason", FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var (proposal, round) = (outcome.Value!.Proposal, outcome.Value.Round);
        var now = clock.GetUtcNow();
        if (round.Schedule.WhyNotActIn(RoundStageKind.FormalReview, now) is { } closed) return closed;

        var before = proposal.Status;
        var by = actor.AsFiler();
        RuleError? refused = decision switch
        {
            Decision.Pass => proposal.PassFormalReview(input.Reason, by, now),
            Decision.Return => proposal.ReturnFromFormalReview(input.Reason, by, now),
            _ => proposal.FailFormalReview(input.Reason, by, now),
        };
        if (refused is not null) return refused;
        audit.Record(actor, decision switch
        {
            Decision.Pass => "proposal.formal_review_passed",
            Decision.Return => "proposal.formal_review_returned",
            _ => "proposal.formal_review_failed",
        }, nameof(Proposal), id.ToString(), new { Status = before }, new { proposal.Status }, input.Reason?.Trim());
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
