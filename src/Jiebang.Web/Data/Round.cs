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
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>Every stage of the round, filing first.</summary>
    public RoundSchedule Schedule =>
        new([new RoundStage(RoundStageKind.Filing, OpensAt, ClosesAt), .. Stages.OrderBy(s => s.Kind)]);
}
