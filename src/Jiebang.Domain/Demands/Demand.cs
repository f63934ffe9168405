using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Demands;

/// <summary>
/// A technology demand (技术需求) filed on one of the round's forms. Drafts, submits, withdrawals,
/// returns, versions and events are the shared <see cref="FilingLifecycle{TStatus}"/>'s; the demand
/// adds its own moves: a recommending unit screens and forwards, the bureau accepts. Each move
/// returns the broken rule, or null when the step was taken.
/// </summary>
public sealed class Demand : IFiling<DemandStatus>
{
    public static readonly FilingLifecycle<DemandStatus> Lifecycle = new(
        new(DemandStatus.Draft, DemandStatus.Submitted, DemandStatus.Returned, DemandStatus.Withdrawn), DemandErrors.Filing, ReceiptLetters);

    /// <summary>A demand receipt's letters: 需求, XQ001-000042-1.</summary>
    public const string ReceiptLetters = "XQ";

    readonly List<FilingVersion<DemandStatus>> _versions = [];
    readonly List<FilingEvent<DemandStatus>> _events = [];

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
    /// <summary>
    /// When the demand reached the bureau (sent to it directly, or forwarded in a batch), kept by every change so that
    /// lists filter on a column instead of the versions and events: null while <see cref="ReachesBureau"/> says no.
    /// </summary>
    public DateTimeOffset? ReachedBureauAt { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<FilingVersion<DemandStatus>> Versions => _versions;
    public IReadOnlyList<FilingEvent<DemandStatus>> Events => _events;

    Demand() { }

    public static Demand Start(int roundId, int ownerUnitId, string formKey, int formVersion, DemandKind kind,
        int? recommenderUnitId, DateTimeOffset now) => new()
        {
            RoundId = roundId, OwnerUnitId = ownerUnitId, FormKey = formKey, FormVersion = formVersion, Kind = kind,
            RecommenderUnitId = recommenderUnitId, Status = DemandStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };

    public bool IsEditable => Lifecycle.IsEditable(Status);
    public bool AwaitsRecommender => Status == DemandStatus.Submitted && RecommenderUnitId is not null;
    public bool AwaitsBureau => Status == DemandStatus.ForwardedToBureau
        || (Status == DemandStatus.Submitted && RecommenderUnitId is null);
    public FilingVersion<DemandStatus>? LatestVersion => Lifecycle.LatestVersion(this);

    /// <summary>Keeps whatever was typed; drafts are never refused for their content.</summary>
    public RuleError? SaveDraft(string valuesJson, DemandSummary summary, DemandKind kind, int? recommenderUnitId, DateTimeOffset now)
    {
        if (Lifecycle.SaveDraft(this, valuesJson, now) is { } refused) return refused;
        (Title, Area, Directions, SearchText) = (summary.Title, summary.Area, summary.Directions, summary.SearchText);
        Kind = kind;
        RecommenderUnitId = recommenderUnitId;
        MarkReach(now);
        return null;
    }

    /// <summary>
    /// Freezes the draft as a new version with a receipt, unless one of the findings (the form's and
    /// <see cref="DemandRules"/>, checked the same way while typing) is an error.
    /// </summary>
    public RuleError? Submit(FilingWindow round, IReadOnlyList<RuleError> findings, FilingActor by, DateTimeOffset now) =>
        Lifecycle.Submit(this, round, findings, by, now);

    /// <summary>The owner takes a demand back before anyone acted on it and before the deadline; it stays withdrawn until resubmitted.</summary>
    public RuleError? Withdraw(FilingWindow round, FilingActor by, DateTimeOffset now) => Lifecycle.Withdraw(this, round, by, now);

    /// <summary>The recommending unit screens a demand sent through it [notice §4.2].</summary>
    public RuleError? Screen(ScreeningDecision decision, string? reason, FilingActor by, DateTimeOffset now) =>
        AwaitsRecommender
            ? Decide(decision, DemandStatus.Recommended, reason, by, now)
            : DemandErrors.NotAwaitingRecommender.At("", Status);

    /// <summary>The recommending unit sends a screened demand to the bureau in its batch.</summary>
    public RuleError? Forward(int batchId, FilingActor by, DateTimeOffset now)
    {
        if (Status != DemandStatus.Recommended) return DemandErrors.NotRecommended.At("", Status);
        BatchId = batchId;
        Lifecycle.Move(this, DemandStatus.ForwardedToBureau, by, null, now);
        return null;
    }

    /// <summary>
    /// The bureau's acceptance (受理) of a demand that reached it: accepted into the guideline pool,
    /// returned for revision, or rejected. Expert review is another step, of another filing.
    /// </summary>
    public RuleError? Accept(ScreeningDecision decision, string? reason, FilingActor by, DateTimeOffset now) =>
        AwaitsBureau
            ? Decide(decision, DemandStatus.Accepted, reason, by, now)
            : DemandErrors.NotAwaitingBureau.At("", Status);

    /// <summary>Whether the demand has reached the bureau: sent to it directly, or forwarded in a batch (the stored marker).</summary>
    public bool HasReachedBureau => ReachedBureauAt is not null;

    /// <summary>
    /// The rule the marker keeps: waiting for the bureau, submitted without a recommending unit, or forwarded or accepted
    /// once. A later return or withdrawal keeps it; only choosing a recommending unit for a demand that was sent
    /// directly and never forwarded (or the reverse) changes it, as the rule reads the current recommending unit.
    /// </summary>
    bool ReachesBureau => AwaitsBureau
        || (RecommenderUnitId is null && _versions.Count > 0)
        || _events.Any(e => e.To == DemandStatus.ForwardedToBureau || e.To == DemandStatus.Accepted);

    void MarkReach(DateTimeOffset now) => ReachedBureauAt = ReachesBureau ? ReachedBureauAt ?? now : null;

    RuleError? Decide(ScreeningDecision decision, DemandStatus onAccept, string? reason, FilingActor by, DateTimeOffset now)
    {
        if (decision == ScreeningDecision.Accept)
        {
            Lifecycle.Move(this, onAccept, by, reason, now);
            return null;
        }
        if (Lifecycle.ReasonRequired(reason) is { } missing) return missing;
        if (decision == ScreeningDecision.Return) return Lifecycle.Return(this, reason, by, now);
        Lifecycle.Move(this, DemandStatus.Rejected, by, reason, now);
        return null;
    }

    DemandStatus IFilingState<DemandStatus>.Status { get => Status; set => Status = value; }
    string IFilingState<DemandStatus>.DraftJson { get => DraftJson; set => DraftJson = value; }
    DateTimeOffset? IFilingState<DemandStatus>.SubmittedAt { get => SubmittedAt; set => SubmittedAt = value; }
    List<FilingVersion<DemandStatus>> IFilingState<DemandStatus>.VersionList => _versions;
    List<FilingEvent<DemandStatus>> IFilingState<DemandStatus>.EventList => _events;

    void IFilingState<DemandStatus>.Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
        MarkReach(now);
    }
}

public enum ScreeningDecision { Accept, Return, Reject }

/// <summary>The values the inbox filters and searches on, taken from the form.</summary>
public sealed record DemandSummary(string Title, string Area, string Directions, string SearchText)
{
    public static readonly DemandSummary Empty = new("", "", "", "");
}
