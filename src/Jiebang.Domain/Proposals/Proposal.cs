using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals;

/// <summary>
/// A project proposal (申报书) in a call: it takes up a published challenge-list item, or applies in
/// one of the call's categories (annex 4: 区域科技创新体系建设, 科技创新基地建设, 科技成果转移转化). Drafts,
/// submits, withdrawals, returns, versions and events are the shared <see cref="FilingLifecycle{TStatus}"/>'s;
/// a recommending unit's moves are added by composition, as <c>Demand</c> adds its own.
/// </summary>
public sealed class Proposal : IFilingState<ProposalStatus>
{
    public static readonly FilingLifecycle<ProposalStatus> Lifecycle = new(
        new(ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Returned, ProposalStatus.Withdrawn), ProposalFilingErrors.Filing, "SB");

    readonly List<FilingVersion<ProposalStatus>> _versions = [];
    readonly List<FilingEvent<ProposalStatus>> _events = [];

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int OwnerUnitId { get; private set; }
    /// <summary>The challenge-list item taken up (揭榜), or null when it applies in a <see cref="Category"/>.</summary>
    public int? GuidelineItemId { get; private set; }
    /// <summary>The call's category (a key of its caps by category), or "" when it takes up an item.</summary>
    public string Category { get; private set; } = "";
    public int? RecommenderUnitId { get; private set; }
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
    public bool AwaitsRecommender => Status == ProposalStatus.Submitted && RecommenderUnitId is not null;

    /// <summary>Whether the proposal went on past its recommending unit (to the bureau's formal review).</summary>
    public bool HasLeftRecommender => _events.Any(e => e.To == ProposalStatus.Recommended);

    /// <summary>Keeps whatever was typed; drafts are never refused for their content.</summary>
    public RuleError? SaveDraft(string valuesJson, string title, int? recommenderUnitId, DateTimeOffset now)
    {
        if (Lifecycle.SaveDraft(this, valuesJson, now) is { } refused) return refused;
        Title = title.Length <= 200 ? title : title[..200];
        RecommenderUnitId = recommenderUnitId;
        return null;
    }

    /// <summary>Freezes the draft as a new version with a receipt, unless a finding (<see cref="ProposalFindings"/>) is an error.</summary>
    public RuleError? Submit(FilingWindow window, IReadOnlyList<RuleError> findings, FilingActor by, DateTimeOffset now) =>
        Lifecycle.Submit(this, window, findings, by, now);

    /// <summary>The owner takes a submitted proposal back before anyone acted and before the deadline.</summary>
    public RuleError? Withdraw(FilingWindow window, FilingActor by, DateTimeOffset now) => Lifecycle.Withdraw(this, window, by, now);

    /// <summary>The recommending unit sends a submitted proposal back for revision, saying why.</summary>
    public RuleError? Return(string? reason, FilingActor by, DateTimeOffset now) =>
        AwaitsRecommender ? Lifecycle.Return(this, reason, by, now) : ProposalFilingErrors.NotAwaitingRecommender.At("", Status);

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
