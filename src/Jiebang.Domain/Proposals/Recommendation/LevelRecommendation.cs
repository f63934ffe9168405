namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>
/// A proposal at one recommending level [annex 4 §3.2, §4.2]: the county bureau it was filed through is
/// level 1, the city bureau that holds the quota level 2, and so on up to the bureau that runs the call.
/// Each level screens what reached it, recommends within its own quota, and forwards its recommended
/// proposals in a batch; <see cref="ForwardedAt"/> is set when that batch is submitted.
/// </summary>
public sealed class LevelRecommendation
{
    public long Id { get; private set; }
    public int ProposalId { get; private set; }
    public int RoundId { get; private set; }
    /// <summary>The recommending unit at this level.</summary>
    public int UnitId { get; private set; }
    /// <summary>1 for the unit the proposal was filed through, 2 for the one above it, …</summary>
    public int Level { get; private set; }
    public LevelDecision Decision { get; private set; }
    /// <summary>Recommended on the incentive quota (激励名额), outside the ordinary one [annex 4 §3.2].</summary>
    public bool UsesIncentive { get; private set; }
    /// <summary>The subsidy asked for, in fen, as it stood when recommended: what the incentive quota's amount counts.</summary>
    public long SubsidyFen { get; private set; }
    public DateTimeOffset ArrivedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? Reason { get; private set; }
    public int? BatchId { get; private set; }
    public DateTimeOffset? ForwardedAt { get; private set; }

    LevelRecommendation() { }

    internal LevelRecommendation(int proposalId, int roundId, int unitId, int level, DateTimeOffset now)
    {
        ProposalId = proposalId;
        RoundId = roundId;
        UnitId = unitId;
        Level = level;
        ArrivedAt = now;
    }

    public bool IsForwarded => ForwardedAt is not null;

    /// <summary>Whether this level's decision takes one of its ordinary quota's places.</summary>
    public bool TakesOrdinaryPlace => Decision == LevelDecision.Recommended && !UsesIncentive;

    internal void Arrive(DateTimeOffset now)
    {
        Decision = LevelDecision.Pending;
        (UsesIncentive, SubsidyFen, DecidedAt, DecidedByUserId, Reason, BatchId, ForwardedAt) = (false, 0, null, null, null, null, null);
        ArrivedAt = now;
    }

    internal void Decide(LevelDecision decision, bool incentive, long subsidyFen, string? reason, string userId, DateTimeOffset now)
    {
        (Decision, UsesIncentive, SubsidyFen, Reason, DecidedByUserId, DecidedAt) =
            (decision, incentive, subsidyFen, reason?.Trim(), userId, now);
    }

    internal void Undo(string userId, DateTimeOffset now)
    {
        (Decision, UsesIncentive, SubsidyFen, Reason, DecidedByUserId, DecidedAt) = (LevelDecision.Pending, false, 0, null, userId, now);
        BatchId = null;
    }

    internal void PutIn(int? batchId) => BatchId = batchId;

    internal void Forward(DateTimeOffset now) => ForwardedAt = now;
}
