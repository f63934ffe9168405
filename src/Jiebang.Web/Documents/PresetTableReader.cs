using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads a table whose rows the annex prints already named (绩效指标, annex 4) from the rows of the
/// annex's own table: the row naming the columns (一级指标 | 二级指标 | 三级指标 | 指标值) opens it, and each
/// row below is matched to its listed indicator by the named cells, not by its place, so a row the
/// filer deleted or added does not shift the others. A named row's value loses its printed unit
/// ("15 项" → "15"); a row the filer named goes to the first free "自行设置" row of its group, or after
/// the listed rows. Cells merged down take the text above them.
/// </summary>
static class PresetTableReader
{
    public static FieldParse? Read(FieldDefinition table, List<List<DocCell>> rows)
    {
        var columns = table.Columns!;
        if (ColumnHeader.Find(columns, rows, named => named == columns.Count) is not { } header) return null;
        var (headerAt, positions) = header;

        var presets = table.PresetRows!;
        var listed = presets.Select(_ => (JsonObject?)null).ToArray();
        var own = new List<JsonObject>();
        var above = new string[columns.Count];
        foreach (var row in rows.Skip(headerAt + 1))
        {
            if (row.Count <= positions.Max()) break;
            var cells = positions.Select((p, k) => above[k] = row[p].ContinuesMerge ? above[k] ?? "" : CellText.JoinLine(row[p].Lines)).ToArray();
            Place(table, cells, listed, own);
        }
        var values = new JsonArray([.. listed.Select(r => (JsonNode)(r ?? new JsonObject())), .. own]);
        return listed.Any(r => r is not null) || own.Count > 0 ? FieldParse.Of(values) : FieldParse.Empty;
    }

    static void Place(FieldDefinition table, string[] cells, JsonObject?[] listed, List<JsonObject> own)
    {
        var columns = table.Columns!;
        var presets = table.PresetRows!;
        // A listed indicator by its names; else the first free row of the filer's own in its group.
        var at = Enumerable.Range(0, presets.Count).FirstOrDefault(i => !presets[i].IsOpen && Matches(presets[i], columns, cells), -1);
        if (at < 0) at = Enumerable.Range(0, presets.Count).FirstOrDefault(i => presets[i].IsOpen && listed[i] is null && Matches(presets[i], columns, cells), -1);
        if (at >= 0)
        {
            var value = OpenCells(presets[at], columns, cells);
            if (value.Count > 0) listed[at] = value;
            return;
        }
        if (cells.All(c => c.Length == 0)) return;
        var row = new JsonObject();
        for (var k = 0; k < columns.Count; k++) row[columns[k].Key] = k == columns.Count - 1 ? NumberReader.Folded(cells[k]) : cells[k];
        own.Add(row);
    }

    // The columns left to the filer, without the hint the blank form prints and the unit after the value.
    static JsonObject OpenCells(PresetRow preset, IReadOnlyList<FieldDefinition> columns, string[] cells)
    {
        var value = new JsonObject();
        for (var k = 0; k < columns.Count; k++)
        {
            if (preset.Cells.ContainsKey(columns[k].Key)) continue;
            var text = cells[k];
            if (preset.HintZh is { } hint && Same(hint, text)) text = "";
            if (k == columns.Count - 1 && preset.Unit is { } unit && text.EndsWith(unit, StringComparison.Ordinal)) text = text[..^unit.Length];
            text = NumberReader.Folded(text.Trim());
            if (text.Length > 0) value[columns[k].Key] = text;
        }
        return value;
    }

    static bool Matches(PresetRow preset, IReadOnlyList<FieldDefinition> columns, string[] cells) =>
        Enumerable.Range(0, columns.Count).All(k => !preset.Cells.TryGetValue(columns[k].Key, out var printed) || Same(printed, cells[k]));

    static bool Same(string printed, string read) => CheckMarks.Compact(printed) == CheckMarks.Compact(read);
}
