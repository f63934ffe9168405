using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A recommending unit sends the demands it accepted in a round to the bureau at once, with its
/// review opinion (主管部门审核意见) [notice §4.2, annex 3]: the ones it picks, or every one when it
/// picks none (the API's first form); the rest wait for a later batch.
/// </summary>
public sealed class SubmitRecommendationBatch(DemandStore store, Files.FilingScans scans, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public int RoundId { get; set; }
        public string Opinion { get; set; } = "";
        /// <summary>The demands picked for this batch; null sends every screened-in demand of the round.</summary>
        public List<int>? DemandIds { get; set; }
    }

    public sealed record Sent(int BatchId, int Count);

    public async Task<Outcome<Sent>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TrySendAsync(actor, input, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A twin request (a double click, a colleague) sent these demands first; this batch was rolled back whole.
            return FilingErrors.ChangedMeanwhile.At("");
        }
    }

    async Task<Outcome<Sent>> TrySendAsync(Actor actor, Input input, CancellationToken cancellationToken)
    {
        if (DemandPolicy.WhyNotRecommend(actor) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(input.Opinion)) return DemandErrors.BatchOpinionRequired.At("opinion");
        var unitId = actor.UnitId!.Value;
        var accepted = await store.Db.Demands.Include(d => d.Events).Include(d => d.Versions).AsSplitQuery()
            .Where(d => d.RoundId == input.RoundId && d.RecommenderUnitId == unitId && d.Status == DemandStatus.Recommended)
            .ToListAsync(cancellationToken);
        if (accepted.Count == 0) return DemandErrors.BatchEmpty.At("");
        if (input.DemandIds is { } picked)
        {
            if (picked.Count == 0) return DemandErrors.BatchNonePicked.At("demandIds");
            var ready = accepted.Select(d => d.Id).ToHashSet();
            var notReady = picked.Distinct().Where(id => !ready.Contains(id)).Select(id => DemandErrors.BatchDemandNotReady.At("demandIds", id)).ToList();
            if (notReady.Count > 0) return notReady;
            accepted = accepted.Where(d => picked.Contains(d.Id)).ToList();
        }
        var round = await store.Db.Rounds.AsNoTracking().FirstAsync(r => r.Id == input.RoundId, cancellationToken);
        // The recommenders' deadline binds them as the filing deadline binds the units [annex 4 §4.2].
        if (round.Schedule.WhyNotActIn(RoundStageKind.Recommendation, clock.GetUtcNow()) is { } closed) return closed;
        var missingScans = new List<RuleError>();
        foreach (var demand in accepted)
            if (await scans.WhyNotWithoutCurrentScanAsync(nameof(Demand), demand.Id, demand.LatestVersion?.Number, round, DemandErrors.ScanOfCurrentVersionRequired, cancellationToken) is { } missing)
                missingScans.Add(missing with { Field = $"demand:{demand.Id}" });
        if (missingScans.Count > 0) return missingScans;

        var now = clock.GetUtcNow();
        var batch = new RecommendationBatch
        {
            RoundId = input.RoundId, RecommenderUnitId = unitId, Opinion = input.Opinion.Trim(), SubmittedAt = now,
            SubmittedByUserId = actor.UserId!,
        };
        store.Db.RecommendationBatches.Add(batch);
        // One unit of work: the batch, each demand's move and the audit entry naming the batch's id.
        return await store.Db.InOneTransactionAsync(async () =>
        {
            await store.Db.SaveChangesAsync(cancellationToken);
            foreach (var demand in accepted) demand.Forward(batch.Id, actor.AsFiler(), now);
            audit.Record(actor, "batch.submitted", nameof(RecommendationBatch), batch.Id.ToString(),
                after: new { batch.RoundId, demands = accepted.Select(d => d.Id) }, reason: batch.Opinion);
            await store.Db.SaveChangesAsync(cancellationToken);
            return new Sent(batch.Id, accepted.Count);
        }, cancellationToken);
    }
}
