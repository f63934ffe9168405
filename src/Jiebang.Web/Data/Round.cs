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
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>Comma-separated form definition keys the round uses.</summary>
    public string FormKeys { get; set; } = "";
    public string TaxonomyKey { get; set; } = "";
    public RoundSettings Settings { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}
