using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals.FormalReview;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals;

/// <summary>
/// A project proposal (申报书) in a call: it takes up a published challenge-list item, or applies in
/// one of the call's categories (annex 4: 区域科技创新体系建设, 科技创新基地建设, 科技成果转移转化). Drafts,
/// submits, withdrawals, returns, versions and events are the shared <see cref="FilingLifecycle{TStatus}"/>'s;
/// a recommending unit's moves are added by composition, as <c>Demand</c> adds its own.
/// </summary>
public sealed class Proposal : IFiling<ProposalStatus>
{
    public static readonly FilingLifecycle<ProposalStatus> Lifecycle = new(
        new(ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Returned, ProposalStatus.Withdrawn), ProposalFilingErrors.Filing, "SB");

    readonly List<FilingVersion<ProposalStatus>> _versions = [];
    readonly List<FilingEvent<ProposalStatus>> _events = [];
    readonly List<LevelRecommendation> _levels = [];

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int OwnerUnitId { get; private set; }
    /// <summary>The challenge-list item taken up (揭榜), or null when it applies in a <see cref="Category"/>.</summary>
    public int? GuidelineItemId { get; private set; }
    /// <summary>The call's category (a key of its caps by category), or "" when it takes up an item.</summary>
    public string Category { get; private set; } = "";
    public int? RecommenderUnitId { get; private set; }
    /// <summary>The recommending level that holds the proposal now; null while with its unit, or once it left the last level.</summary>
    public int? HolderUnitId { get; private set; }
    public string FormKey { get; private set; } = "";
    public int FormVersion { get; private set; }
    public ProposalStatus Status { get; private set; }
    public string DraftJson { get; private set; } = "{}";
    /// <summary>Denormalised from the form (its title field) for lists.</summary>
    public string Title { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<FilingVersion<ProposalStatus>> Versions => _versions;
    public IReadOnlyList<FilingEvent<ProposalStatus>> Events => _events;
    /// <summary>The proposal at each recommending level it reached, in order.</summary>
    public IReadOnlyList<LevelRecommendation> Levels => _levels;

    Proposal() { }

    /// <summary>Starts a draft that takes up an item, or applies in a category: exactly one of the two.</summary>
    public static Proposal Start(int roundId, int ownerUnitId, ProposalTarget target, string formKey, int formVersion, DateTimeOffset now) =>
        new()
        {
            RoundId = roundId, OwnerUnitId = ownerUnitId, GuidelineItemId = target.GuidelineItemId, Category = target.Category ?? "",
            FormKey = formKey, FormVersion = formVersion, Status = ProposalStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };

    public bool IsEditable => Lifecycle.IsEditable(Status);
    public FilingVersion<ProposalStatus>? LatestVersion => Lifecycle.LatestVersion(this);
    public bool AwaitsRecommender => Status == ProposalStatus.Submitted && HolderUnitId is not null;

    /// <summary>Whether the proposal went on past its last recommending level (to the bureau's formal review).</summary>
    public bool HasLeftRecommender => _events.Any(e => e.To == ProposalStatus.Recommended);

    /// <summary>The proposal at the level that holds it now, or null.</summary>
    public LevelRecommendation? CurrentLevel => HolderUnitId is { } holder ? _levels.LastOrDefault(l => l.UnitId == holder) : null;

    /// <summary>Keeps whatever was typed; drafts are never refused for their content.</summary>
    public RuleError? SaveDraft(string valuesJson, string title, int? recommenderUnitId, DateTimeOffset now)
    {
        if (Lifecycle.SaveDraft(this, valuesJson, now) is { } refused) return refused;
        Title = title.Length <= 200 ? title : title[..200];
        RecommenderUnitId = recommenderUnitId;
        return null;
    }

    /// <summary>Freezes the draft as a new version with a receipt, unless a finding (<see cref="ProposalFindings"/>) is an error.</summary>
    /// <remarks>A (re)submitted proposal arrives at the first level, the unit it is filed through.</remarks>
    public RuleError? Submit(FilingWindow window, IReadOnlyList<RuleError> findings, FilingActor by, DateTimeOffset now)
    {
        var wasEditable = IsEditable;
        var backToFormalReview = IsReturnedByFormalReview;
        if (Lifecycle.Submit(this, window, findings, by, now) is { } refused) return refused;
        if (wasEditable && backToFormalReview) Lifecycle.Move(this, ProposalStatus.Recommended, by, null, now);
        else if (wasEditable && RecommenderUnitId is { } first) ArriveAt(first, 1, now);
        return null;
    }

    /// <summary>
    /// Returned for revision by the bureau's formal review: the recommending levels already recommended it, so the
    /// revised proposal goes straight back to formal review when it is submitted again.
    /// </summary>
    public bool IsReturnedByFormalReview =>
        Status == ProposalStatus.Returned && _events.Count > 0 && _events[^1].From == ProposalStatus.Recommended;

    /// <summary>Whether the proposal waits for the bureau's formal review now.</summary>
    public bool AwaitsFormalReview => Status == ProposalStatus.Recommended;

    /// <summary>
    /// Bureau staff find the applicant and the format in order [notice §3: 形式审核（主体和格式）]: the proposal goes on
    /// to expert review, with the reviewer's note if any.
    /// </summary>
    public RuleError? PassFormalReview(string? note, FilingActor by, DateTimeOffset now)
    {
        if (!AwaitsFormalReview) return FormalReviewErrors.NotAwaiting.At("");
        Lifecycle.Move(this, ProposalStatus.FormalReviewPassed, by, string.IsNullOrWhiteSpace(note) ? null : note, now);
        return null;
    }

    /// <summary>The applicant or the format fails formal review, for reasons the applicant reads; the proposal stops here.</summary>
    public RuleError? FailFormalReview(string? reason, FilingActor by, DateTimeOffset now)
    {
        if (!AwaitsFormalReview) return FormalReviewErrors.NotAwaiting.At("");
        if (Lifecycle.ReasonRequired(reason) is { } missing) return missing;
        Lifecycle.Move(this, ProposalStatus.FormalReviewFailed, by, reason, now);
        return null;
    }

    /// <summary>Formal review sends the proposal back for revision with its reasons (a missing scan, a wrong form).</summary>
    public RuleError? ReturnFromFormalReview(string? reason, FilingActor by, DateTimeOffset now)
    {
        if (!AwaitsFormalReview) return FormalReviewErrors.NotAwaiting.At("");
        return Lifecycle.Return(this, reason, by, now);
    }

    /// <summary>The owner takes a submitted proposal back before anyone acted and before the deadline.</summary>
    public RuleError? Withdraw(FilingWindow window, FilingActor by, DateTimeOffset now)
    {
        if (CurrentLevel is { Decision: not LevelDecision.Pending } || _levels.Any(l => l.Level > 1))
            return ProposalFilingErrors.Filing.NotWithdrawable.At("", Status);
        if (Lifecycle.Withdraw(this, window, by, now) is { } refused) return refused;
        HolderUnitId = null;
        return null;
    }

    /// <summary>
    /// The first level (the unit it was filed through) sends it back for revision, saying why; higher
    /// levels recommend it or not, they do not return it [annex 4 §3.2].
    /// </summary>
    public RuleError? Return(int levelUnitId, string? reason, FilingActor by, DateTimeOffset now)
    {
        if (WhyNotDecideAt(levelUnitId) is { } refused) return refused;
        var level = CurrentLevel!;
        if (level.Level != 1) return RecommendationErrors.ReturnOnlyAtFirstLevel.At("");
        if (Lifecycle.Return(this, reason, by, now) is { } missing) return missing;
        level.Decide(LevelDecision.Returned, false, 0, reason, by.UserId, now);
        HolderUnitId = null;
        return null;
    }

    /// <summary>The level recommends it: it takes a place of the level's quota (ordinary or incentive).</summary>
    public RuleError? Recommend(int levelUnitId, bool incentive, long subsidyFen, string? opinion, FilingActor by, DateTimeOffset now)
    {
        if (WhyNotDecideAt(levelUnitId) is { } refused) return refused;
        CurrentLevel!.Decide(LevelDecision.Recommended, incentive, subsidyFen, opinion, by.UserId, now);
        Touch(now);
        return null;
    }

    /// <summary>The level does not recommend it (不予推荐), saying why; the proposal stops here.</summary>
    public RuleError? Reject(int levelUnitId, string? reason, FilingActor by, DateTimeOffset now)
    {
        if (WhyNotDecideAt(levelUnitId) is { } refused) return refused;
        if (Lifecycle.ReasonRequired(reason) is { } missing) return missing;
        CurrentLevel!.Decide(LevelDecision.Rejected, false, 0, reason, by.UserId, now);
        Lifecycle.Move(this, ProposalStatus.Rejected, by, reason, now);
        HolderUnitId = null;
        return null;
    }

    /// <summary>The level takes back its recommendation before its batch is submitted, freeing the place.</summary>
    public RuleError? UndoRecommendation(int levelUnitId, FilingActor by, DateTimeOffset now)
    {
        if (HolderUnitId != levelUnitId || CurrentLevel is not { } level) return RecommendationErrors.NotAtThisLevel.At("");
        if (level.Decision != LevelDecision.Recommended) return RecommendationErrors.NotRecommended.At("");
        if (level.IsForwarded) return RecommendationErrors.AlreadyForwarded.At("");
        level.Undo(by.UserId, now);
        Touch(now);
        return null;
    }

    /// <summary>Puts the recommended proposal in the level's batch (or takes it out with null) before the batch is submitted.</summary>
    public RuleError? PutInBatch(int levelUnitId, int? batchId, DateTimeOffset now)
    {
        if (HolderUnitId != levelUnitId || CurrentLevel is not { } level) return RecommendationErrors.NotAtThisLevel.At("");
        if (level.Decision != LevelDecision.Recommended) return RecommendationErrors.NotRecommended.At("");
        if (level.IsForwarded) return RecommendationErrors.AlreadyForwarded.At("");
        level.PutIn(batchId);
        Touch(now);
        return null;
    }

    /// <summary>
    /// The level's batch is submitted: the proposal goes to the level above (<paramref name="above"/>), or,
    /// from the last level, to the bureau's formal review (status Recommended).
    /// </summary>
    public RuleError? Forward(int levelUnitId, int? above, FilingActor by, DateTimeOffset now)
    {
        if (HolderUnitId != levelUnitId || CurrentLevel is not { } level) return RecommendationErrors.NotAtThisLevel.At("");
        if (level.Decision != LevelDecision.Recommended) return RecommendationErrors.NotRecommended.At("");
        if (level.IsForwarded) return RecommendationErrors.AlreadyForwarded.At("");
        level.Forward(now);
        if (above is { } next) ArriveAt(next, level.Level + 1, now);
        else
        {
            Lifecycle.Move(this, ProposalStatus.Recommended, by, null, now);
            HolderUnitId = null;
        }
        Touch(now);
        return null;
    }

    /// <summary>Whether a lower level already recommended it on an incentive place: higher levels forward it outside their quota.</summary>
    public bool CarriesIncentive => _levels.Any(l => l.UsesIncentive && l.IsForwarded);

    RuleError? WhyNotDecideAt(int levelUnitId)
    {
        if (Status != ProposalStatus.Submitted || HolderUnitId != levelUnitId || CurrentLevel is not { } level)
            return RecommendationErrors.NotAtThisLevel.At("");
        return level.Decision == LevelDecision.Pending ? null : RecommendationErrors.AlreadyDecided.At("", LevelDecisions.NameOf(level.Decision));
    }

    void ArriveAt(int unitId, int levelNumber, DateTimeOffset now)
    {
        var level = _levels.FirstOrDefault(l => l.UnitId == unitId);
        if (level is null)
        {
            level = new LevelRecommendation(Id, RoundId, unitId, levelNumber, now);
            _levels.Add(level);
        }
        else level.Arrive(now);
        HolderUnitId = unitId;
    }

    void Touch(DateTimeOffset now) => ((IFilingState<ProposalStatus>)this).Touch(now);

    ProposalStatus IFilingState<ProposalStatus>.Status { get => Status; set => Status = value; }
    string IFilingState<ProposalStatus>.DraftJson { get => DraftJson; set => DraftJson = value; }
    DateTimeOffset? IFilingState<ProposalStatus>.SubmittedAt { get => SubmittedAt; set => SubmittedAt = value; }
    List<FilingVersion<ProposalStatus>> IFilingState<ProposalStatus>.VersionList => _versions;
    List<FilingEvent<ProposalStatus>> IFilingState<ProposalStatus>.EventList => _events;

    void IFilingState<ProposalStatus>.Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>What a proposal applies for: a published item (揭榜), or a category of the call.</summary>
public sealed record ProposalTarget(int? GuidelineItemId, string? Category)
{
    public static ProposalTarget Item(int id) => new(id, null);
    public static ProposalTarget InCategory(string category) => new(null, category);
}
