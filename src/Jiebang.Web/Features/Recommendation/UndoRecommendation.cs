using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>A level takes back a recommendation before its batch went up, and gives the quota place back.</summary>
public sealed class UndoRecommendation(ProposalStore store, QuotaLedger quota, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<LevelDecision>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var proposal = loaded.Proposal;
        if (ProposalPolicy.WhyNotRecommend(actor, proposal) is { } denied) return denied;
        var level = proposal.CurrentLevel!;
        var (unitId, incentive, subsidyFen, carried) = (level.UnitId, level.UsesIncentive, level.SubsidyFen, proposal.CarriesIncentive);
        try
        {
            return await store.Db.InOneTransactionAsync<LevelDecision>(async () =>
            {
                if (proposal.UndoRecommendation(unitId, actor.AsFiler(), clock.GetUtcNow()) is { } refused) return refused;
                audit.Record(actor, "proposal.recommendation_undone", nameof(Proposal), id.ToString(),
                    new { Decision = LevelDecision.Recommended, incentive }, new { Decision = LevelDecision.Pending, level = unitId });
                await store.Db.SaveChangesAsync(cancellationToken);
                if (!carried) await quota.ReleaseAsync(loaded.Round.Id, unitId, incentive, subsidyFen, cancellationToken);
                return LevelDecision.Pending;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FilingErrors.ChangedMeanwhile.At("");
        }
    }
}
