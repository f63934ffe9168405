namespace Jiebang.Web.Data;

/// <summary>
/// One text the 查重 index knows: a submitted demand (its latest version) or a historical project
/// staff imported. The text is kept to confirm candidates and show evidence; the sketch is what
/// the in-memory index is rebuilt from at start.
/// </summary>
public sealed class SimilarityRecord
{
    public long Id { get; set; }
    public required string SourceType { get; set; }
    public int? SourceId { get; set; }
    public required string Title { get; set; }
    public string UnitName { get; set; } = "";
    public int? UnitId { get; set; }
    public string Leader { get; set; } = "";
    public int? Year { get; set; }
    public string Department { get; set; } = "";
    /// <summary>How the text reached the bureau: "direct", a recommending unit's id, or the funding department.</summary>
    public string Channel { get; set; } = "";
    public required string Text { get; set; }
    public required byte[] Sketch { get; set; }
    public DateTimeOffset IndexedAt { get; set; }
}
