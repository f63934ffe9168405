using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// The repeated rows of the annexes: 核心技术参数（5项以上） and 攻关成果潜在的应用单位（3家以上） in annex 1,
/// the indicators of annex 4's 绩效目标申报表. A row left empty is ignored: it neither counts toward the
/// minimum nor needs its columns. In a row the form prints already named, only the columns left
/// to the filer count, and the named cells must stay as printed.
/// </summary>
static class TableRule
{
    public static void Check(FieldDefinition table, string path, LocalizedText label, JsonNode node, Findings findings)
    {
        if (node is not JsonArray rows)
        {
            findings.Error(FormErrors.ValueInvalid, path, label);
            return;
        }
        var presets = table.PresetRows ?? [];
        var filled = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var preset = i < presets.Count ? presets[i] : null;
            if (IsEmpty(rows[i], preset)) continue;
            filled++;
            if (rows[i] is not JsonObject row)
            {
                findings.Error(FormErrors.ValueInvalid, $"{path}[{i}]", label);
                continue;
            }
            var rowIndex = i;
            if (preset is not null && !KeepsFixedCells(table, preset, row, path, rowIndex, findings)) continue;
            FieldScope.Check(table.Columns!, WithFixedCells(row, preset), c => $"{path}[{rowIndex}].{c.Key}",
                c => CellLabel(table, rowIndex, preset, c), findings);
        }
        if (filled < table.MinRows) findings.Error(FormErrors.TableTooFewRows, path, label, table.MinRows.Value, filled);
        if (filled > table.MaxRows) findings.Error(FormErrors.TableTooManyRows, path, label, table.MaxRows.Value, filled);
    }

    static bool IsEmpty(JsonNode? row, PresetRow? preset) =>
        preset is null || row is not JsonObject o
            ? FieldValue.IsEmpty(row)
            : o.Where(p => !preset.Cells.ContainsKey(p.Key)).All(p => FieldValue.IsEmpty(p.Value));

    static bool KeepsFixedCells(FieldDefinition table, PresetRow preset, JsonObject row, string path, int rowIndex, Findings findings)
    {
        var kept = true;
        foreach (var (key, printed) in preset.Cells)
        {
            if (FieldValue.IsEmpty(row[key]) || (row[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim() == printed)) continue;
            var column = table.Columns!.First(c => c.Key == key);
            findings.Error(FormErrors.TablePresetFixed, $"{path}[{rowIndex}].{key}", CellLabel(table, rowIndex, preset, column), printed);
            kept = false;
        }
        return kept;
    }

    static JsonObject WithFixedCells(JsonObject row, PresetRow? preset)
    {
        if (preset is null) return row;
        var copy = (JsonObject)row.DeepClone();
        foreach (var (key, printed) in preset.Cells) copy[key] = printed;
        return copy;
    }

    // People count rows from 1, the path from 0; a row the form names is called by its name.
    static LocalizedText CellLabel(FieldDefinition table, int row, PresetRow? preset, FieldDefinition column) =>
        preset is { IsOpen: false } && preset.Cells.Values.LastOrDefault() is { } name
            ? new($"{table.LabelZh}“{name}”的{column.LabelZh}", $"{table.LabelEn} “{name}”, {column.LabelEn}")
            : new($"{table.LabelZh}第{row + 1}行的{column.LabelZh}", $"{table.LabelEn}, row {row + 1}, {column.LabelEn}");
}
