using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using State = Jiebang.Web.Documents.CheckMarks.State;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads a 重点领域 / 主要方向 choice (annex 1) or 所属领域 (annex 2) against the round's taxonomy:
/// the ticked area and directions, or, in a cell without boxes, the names written out
/// ("新材料：高分子材料"). A ticked direction alone is enough to know its area.
/// </summary>
static class AreaReader
{
    /// <summary>Whether the text holds any area or direction of the taxonomy with a box before it.</summary>
    public static bool HasBoxes(string text, Taxonomy taxonomy) =>
        CheckMarks.Find(text, Names(taxonomy)).Values.Any(s => s is State.Ticked or State.Unticked);

    public static FieldParse Read(string text, Taxonomy taxonomy, LocalizedText label)
    {
        var states = CheckMarks.Find(text, Names(taxonomy));
        var marked = states.Values.Any(s => s is State.Ticked or State.Unticked);
        var wanted = marked ? State.Ticked : State.Plain;
        var areas = taxonomy.Areas.Where(a => states[a.Name] == wanted).ToList();
        var directions = taxonomy.Areas.SelectMany(a => a.Directions).Where(d => states[d] == wanted).Distinct().ToList();
        if (areas.Count == 0 && directions.Count == 0)
            return marked || CheckMarks.Compact(text).Length == 0
                ? FieldParse.Empty
                : FieldParse.Unreadable(DocxErrors.FieldAreaUnknown, label, ChoiceReader.Shorten(text));
        if (areas.Count > 1) return FieldParse.Unreadable(DocxErrors.FieldAreaSeveral, label, string.Join("、", areas.Select(a => a.Name)));
        var area = areas.Count == 1 ? areas[0] : taxonomy.Areas.Where(a => directions.All(a.Directions.Contains)).ToList() is [var only] ? only : null;
        if (area is null || directions.Any(d => !area.Directions.Contains(d)))
            return FieldParse.Unreadable(DocxErrors.FieldAreaMismatch, label, string.Join("、", directions));
        return FieldParse.Of(new JsonObject
        {
            ["area"] = area.Name,
            ["directions"] = new JsonArray([.. area.Directions.Where(directions.Contains).Select(d => (JsonNode)JsonValue.Create(d))]),
        });
    }

    static IEnumerable<string> Names(Taxonomy taxonomy) => taxonomy.Areas.SelectMany(a => a.Directions.Prepend(a.Name));
}
