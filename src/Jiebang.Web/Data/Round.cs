using Jiebang.Domain.Rounds;

namespace Jiebang.Web.Data;

/// <summary>A solicitation or call (批次) with its window, forms, taxonomy and rule settings.</summary>
public sealed class Round
{
    public int Id { get; set; }
    /// <summary>A stable key for presets; null for rounds staff create.</summary>
    public string? PresetKey { get; set; }
    public RoundKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The filing stage's window: when units may file and submit.</summary>
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>The stages after filing (recommendation, formal review, expert review, notice period), each with its window.</summary>
    public List<RoundStage> Stages { get; set; } = [];
    /// <summary>The form definitions the round uses, each "key@version".</summary>
    public List<string> Forms { get; set; } = [];
    public string TaxonomyKey { get; set; } = "";
    public RoundSettings Settings { get; set; } = new();
    /// <summary>When staff published the call (发榜): from then anyone may read it and its published items.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The call's notice text (申报通知), public with the call.</summary>
    public string? NoticeText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>A call anyone may read: a proposal round staff published.</summary>
    public bool IsPublishedCall => Kind == RoundKind.ProposalCall && PublishedAt is not null;

    /// <summary>Every stage of the round, filing first.</summary>
    public RoundSchedule Schedule =>
        new([new RoundStage(RoundStageKind.Filing, OpensAt, ClosesAt), .. Stages.OrderBy(s => s.Kind)]);
}
