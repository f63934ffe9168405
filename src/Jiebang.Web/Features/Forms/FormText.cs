using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Features.Forms;

/// <summary>A field's value as plain text, for read-only views, diffs and search.</summary>
public static class FormText
{
    public static string Display(FieldDefinition field, JsonNode? value, bool chinese = true) => value switch
    {
        null => "",
        JsonArray rows when field.Type == FieldType.Table => Rows(field, rows, chinese),
        JsonArray items => string.Join("、", items.Select(i => ChoiceLabel(field, Scalar(i), chinese))),
        JsonObject o when field.Type == FieldType.AreaDirection =>
            $"{Scalar(o["area"])}：{string.Join("、", (o["directions"] as JsonArray ?? []).Select(Scalar))}",
        JsonObject o => string.Join("；", o.Select(p => $"{p.Key}: {Scalar(p.Value)}")),
        _ when field.Type == FieldType.Attachment => Scalar(value).Length == 0 ? "" : (chinese ? $"附件（编号{Scalar(value)}）" : $"attachment #{Scalar(value)}"),
        _ when field.Type == FieldType.YearSpan => Scalar(value) + (chinese ? " 年" : " years"),
        _ when field.Type == FieldType.Amount => Scalar(value) + (chinese ? " 万元" : " × 10k CNY"),
        _ => ChoiceLabel(field, Scalar(value), chinese),
    };

    // A listed row (绩效指标) shows the names the annex prints and the unit after its value; a listed
    // row left empty is not shown.
    static string Rows(FieldDefinition table, JsonArray rows, bool chinese)
    {
        var presets = table.PresetRows ?? [];
        var columns = table.Columns ?? [];
        var lines = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row) continue;
            var preset = i < presets.Count ? presets[i] : null;
            if (preset is not null && columns.Where(c => !preset.Cells.ContainsKey(c.Key)).All(c => Scalar(row[c.Key]).Trim().Length == 0)) continue;
            var cells = columns.Select(c => preset?.Cells.GetValueOrDefault(c.Key) ?? Display(c, row[c.Key], chinese)).ToList();
            if (preset?.Unit is { } unit && cells.Count > 0) cells[^1] += " " + unit;
            lines.Add($"{lines.Count + 1}. " + string.Join(" | ", cells));
        }
        return string.Join("\n", lines);
    }

    static string ChoiceLabel(FieldDefinition field, string value, bool chinese) =>
        field.Options?.FirstOrDefault(o => o.Value == value) is { } option ? (chinese ? option.LabelZh : option.LabelEn) : value;

    static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
