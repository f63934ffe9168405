namespace Jiebang.Web.Data;

/// <summary>A versioned form definition (annex 1, 2, 3 …) stored as JSON; a round names the ones it uses.</summary>
public sealed class FormDefinitionRecord
{
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }
}

/// <summary>A field taxonomy (areas and their directions), stored as JSON.</summary>
public sealed class TaxonomyRecord
{
    public required string Key { get; set; }
    public required string Json { get; set; }
}

/// <summary>A recommending unit's batch of screened demands, sent to the bureau with its opinion [notice §4.2].</summary>
public sealed class RecommendationBatch
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RecommenderUnitId { get; set; }
    public string Opinion { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedByUserId { get; set; } = "";
}
