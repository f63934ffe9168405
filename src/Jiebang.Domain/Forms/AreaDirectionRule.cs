using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// 重点领域 and 主要方向 (annex 1) or 所属领域 (annex 2): one area of the round's taxonomy and directions
/// of that area. An area that lists directions needs at least one; without a taxonomy only the shape is
/// checked. A field with open directions (annex 2: the notice lists them with 等) asks only for the
/// area: directions may be left out or be the filer's own.
/// </summary>
static class AreaDirectionRule
{
    public static void Check(FieldDefinition field, string path, LocalizedText label, JsonNode node, Findings findings)
    {
        if (node is not JsonObject value || !FieldValue.TryText(value["area"] ?? "", out var area)
            || value["directions"] is not (null or JsonArray))
        {
            findings.Error(FormErrors.ValueInvalid, path, label);
            return;
        }
        var directions = new List<string>();
        foreach (var item in value["directions"]?.AsArray().Where(i => !FieldValue.IsEmpty(i)) ?? [])
        {
            if (!FieldValue.TryText(item!, out var direction))
            {
                findings.Error(FormErrors.ValueInvalid, path, label);
                return;
            }
            directions.Add(direction);
        }
        if (string.IsNullOrWhiteSpace(area))
        {
            findings.Error(FormErrors.Required, path, label);
            return;
        }
        if (findings.Taxonomy is not { } taxonomy) return;
        if (taxonomy.Area(area) is not { } known)
        {
            findings.Error(FormErrors.AreaUnknown, path, label, area);
            return;
        }
        if (field.OpenDirections) return;
        foreach (var direction in directions.Where(d => !known.Directions.Contains(d)))
            findings.Error(FormErrors.DirectionNotInArea, path, label, direction, area);
        if (directions.Count == 0 && known.Directions.Count > 0 && field.Required)
            findings.Error(FormErrors.DirectionRequired, path, label, area);
    }
}
