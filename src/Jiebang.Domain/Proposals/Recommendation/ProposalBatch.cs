using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Recommendation;

/// <summary>
/// What a recommending level sends up at once (推荐批次) [annex 4 §4.2]: the recommended proposals it
/// selected, with the recommendation summary, the recommendation letter and the commitment letter, whose
/// stamped scans it uploads before it submits. A draft batch can still change; a submitted one cannot.
/// </summary>
public sealed class ProposalBatch
{
    public int Id { get; private set; }
    public int RoundId { get; private set; }
    /// <summary>The recommending unit (the level) that sends it.</summary>
    public int UnitId { get; private set; }
    public string Opinion { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedByUserId { get; private set; }
    /// <summary>
    /// Whom the batch went to, as the levels stood when it was submitted: the recommending unit of the level above,
    /// or null for the bureau that runs the call (and while a draft). Its readers follow it, not today's levels.
    /// </summary>
    public int? SentToUnitId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    ProposalBatch() { }

    public static ProposalBatch Open(int roundId, int unitId, string userId, DateTimeOffset now) =>
        new() { RoundId = roundId, UnitId = unitId, CreatedAt = now, CreatedByUserId = userId };

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>
    /// Marks the batch submitted to <paramref name="sentToUnitId"/> (null: the bureau); the use case forwards each of
    /// its proposals there in the same unit of work.
    /// </summary>
    public RuleError? Submit(string opinion, int proposalCount, int? sentToUnitId, string userId, DateTimeOffset now)
    {
        if (IsSubmitted) return RecommendationErrors.AlreadyForwarded.At("");
        if (proposalCount == 0) return RecommendationErrors.BatchEmpty.At("");
        (Opinion, SubmittedAt, SubmittedByUserId, SentToUnitId, ConcurrencyStamp) = (opinion.Trim(), now, userId, sentToUnitId, Guid.NewGuid());
        return null;
    }
}
