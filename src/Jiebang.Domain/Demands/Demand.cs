using System.Security.Cryptography;
using System.Text;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Demands;

/// <summary>
/// A technology demand (技术需求) filed on one of the round's forms. It guards its own
/// transitions: each returns the broken rule, or null when the step was taken.
/// </summary>
public sealed class Demand
{
    readonly List<DemandVersion> _versions = [];
    readonly List<DemandEvent> _events = [];

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int OwnerUnitId { get; private set; }
    public string FormKey { get; private set; } = "";
    public int FormVersion { get; private set; }
    public DemandKind Kind { get; private set; }
    public int? RecommenderUnitId { get; private set; }
    public DemandStatus Status { get; private set; }
    public string DraftJson { get; private set; } = "{}";
    /// <summary>Denormalised from the form for the inbox's filters and search.</summary>
    public string Title { get; private set; } = "";
    public string Area { get; private set; } = "";
    public string Directions { get; private set; } = "";
    public string SearchText { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int? BatchId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<DemandVersion> Versions => _versions;
    public IReadOnlyList<DemandEvent> Events => _events;

    Demand() { }

    public static Demand Start(int roundId, int ownerUnitId, string formKey, int formVersion, DemandKind kind,
        int? recommenderUnitId, DateTimeOffset now) => new()
        {
            RoundId = roundId, OwnerUnitId = ownerUnitId, FormKey = formKey, FormVersion = formVersion, Kind = kind,
            RecommenderUnitId = recommenderUnitId, Status = DemandStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };

    public bool IsEditable => Status is DemandStatus.Draft or DemandStatus.Returned;
    public bool AwaitsRecommender => Status == DemandStatus.Submitted && RecommenderUnitId is not null;
    public bool AwaitsBureau => Status == DemandStatus.ForwardedToBureau
        || (Status == DemandStatus.Submitted && RecommenderUnitId is null);
    public DemandVersion? LatestVersion => _versions.Count == 0 ? null : _versions[^1];

    /// <summary>Keeps whatever was typed; drafts are never refused for their content.</summary>
    public RuleError? SaveDraft(string valuesJson, DemandSummary summary, DemandKind kind, int? recommenderUnitId, DateTimeOffset now)
    {
        if (!IsEditable) return RuleError.Of("DEMAND_NOT_EDITABLE", "", "notice §4.3", Status);
        DraftJson = valuesJson;
        (Title, Area, Directions, SearchText) = (summary.Title, summary.Area, summary.Directions, summary.SearchText);
        Kind = kind;
        RecommenderUnitId = recommenderUnitId;
        Touch(now);
        return null;
    }

    /// <summary>
    /// Freezes the draft as a new version with a receipt. Submitting the same content again
    /// (a double click, a retry) returns the version already made instead of a second one.
    /// </summary>
    public RuleError? Submit(RoundWindow round, bool hasBlockingFindings, string userId, int userUnitId, DateTimeOffset now)
    {
        var hash = HashOf(DraftJson);
        if (!IsEditable && LatestVersion?.ContentHash == hash) return null;
        if (!IsEditable) return RuleError.Of("DEMAND_NOT_EDITABLE", "", "notice §4.3", Status);
        if (round.Refuses(now) is { } closed) return closed;
        if (Kind != DemandKind.EnterpriseOwn && RecommenderUnitId is null && FormKey != "annex3")
            return RuleError.Of("DEMAND_RECOMMENDER_REQUIRED", "recommenderUnitId", "notice §4.2");
        if (hasBlockingFindings) return RuleError.Of("DEMAND_HAS_ERRORS", "", "notice §4.1");

        var number = _versions.Count + 1;
        _versions.Add(new DemandVersion(Id, number, DraftJson, hash, $"XQ{RoundId:D3}-{Id:D6}-{number}", now, userId));
        Move(DemandStatus.Submitted, userId, userUnitId, null, now);
        SubmittedAt = now;
        return null;
    }

    /// <summary>The owner takes a demand back before anyone acted on it and before the deadline.</summary>
    public RuleError? Withdraw(RoundWindow round, string userId, int userUnitId, DateTimeOffset now)
    {
        if (Status != DemandStatus.Submitted) return RuleError.Of("DEMAND_NOT_WITHDRAWABLE", "", "notice §4.3", Status);
        if (round.Refuses(now) is { } closed) return closed;
        Move(DemandStatus.Draft, userId, userUnitId, null, now);
        return null;
    }

    /// <summary>The recommending unit screens a demand sent through it [notice §4.2].</summary>
    public RuleError? Screen(ScreeningDecision decision, string? reason, string userId, int userUnitId, DateTimeOffset now)
    {
        if (!AwaitsRecommender) return RuleError.Of("DEMAND_NOT_AWAITING_RECOMMENDER", "", "notice §4.2", Status);
        if (decision != ScreeningDecision.Accept && string.IsNullOrWhiteSpace(reason))
            return RuleError.Of("DEMAND_REASON_REQUIRED", "reason", "notice §3");
        Move(decision switch
        {
            ScreeningDecision.Accept => DemandStatus.Recommended,
            ScreeningDecision.Return => DemandStatus.Returned,
            _ => DemandStatus.Rejected,
        }, userId, userUnitId, reason?.Trim(), now);
        return null;
    }

    /// <summary>The recommending unit sends a screened demand to the bureau in its batch.</summary>
    public RuleError? Forward(int batchId, string userId, int userUnitId, DateTimeOffset now)
    {
        if (Status != DemandStatus.Recommended) return RuleError.Of("DEMAND_NOT_RECOMMENDED", "", "notice §4.2", Status);
        BatchId = batchId;
        Move(DemandStatus.ForwardedToBureau, userId, userUnitId, null, now);
        return null;
    }

    /// <summary>Bureau staff accept a demand into the guideline pool, return it for revision, or reject it.</summary>
    public RuleError? Review(ScreeningDecision decision, string? reason, string userId, int userUnitId, DateTimeOffset now)
    {
        if (!AwaitsBureau) return RuleError.Of("DEMAND_NOT_AWAITING_BUREAU", "", "notice §3", Status);
        if (decision != ScreeningDecision.Accept && string.IsNullOrWhiteSpace(reason))
            return RuleError.Of("DEMAND_REASON_REQUIRED", "reason", "notice §3");
        Move(decision switch
        {
            ScreeningDecision.Accept => DemandStatus.Accepted,
            ScreeningDecision.Return => DemandStatus.Returned,
            _ => DemandStatus.Rejected,
        }, userId, userUnitId, reason?.Trim(), now);
        return null;
    }

    void Move(DemandStatus to, string userId, int userUnitId, string? reason, DateTimeOffset now)
    {
        _events.Add(new DemandEvent(Id, now, userId, userUnitId, Status, to, reason));
        Status = to;
        Touch(now);
    }

    void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public static string HashOf(string valuesJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(valuesJson)));
}

public enum ScreeningDecision { Accept, Return, Reject }

/// <summary>The values the inbox filters and searches on, taken from the form.</summary>
public sealed record DemandSummary(string Title, string Area, string Directions, string SearchText)
{
    public static readonly DemandSummary Empty = new("", "", "", "");
}

/// <summary>The window of a round: filing is refused outside it, naming the deadline in CST.</summary>
public sealed record RoundWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public RuleError? Refuses(DateTimeOffset now) =>
        now < OpensAt ? RuleError.Of("DEMAND_ROUND_NOT_OPEN", "", "notice §4.3", ChinaTime.Format(OpensAt))
        : now >= ClosesAt ? RuleError.Of("DEMAND_ROUND_CLOSED", "", "notice §4.3", ChinaTime.Format(ClosesAt))
        : null;
}
