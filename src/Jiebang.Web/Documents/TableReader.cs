using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads a table field (核心技术参数, 应用单位, annex 1): the sub-table in the value cell, its columns
/// found by their header labels; lines written as "单位：… 联系人：… 联系方式：…" as the bureau's
/// own template has them; or, as the bureau lays out 核心技术参数, a value cell per column label
/// holding that column's items as a list, paired in order. Rows left empty are dropped.
/// </summary>
static class TableReader
{
    public static FieldParse Read(FieldDefinition field, DocCell cell, LocalizedText label)
    {
        if (cell.Columns is { } labelled) return FromLabelledColumns(labelled, label);
        var columns = field.Columns ?? [];
        var rows = cell.Tables.Count > 0 ? FromSubTable(columns, cell.Tables[0]) : null;
        rows ??= FromLabelledLines(columns, cell.Lines);
        if (rows is null)
            return cell.IsEmpty ? FieldParse.Empty : FieldParse.Unreadable(DocxErrors.FieldTable, label);
        var kept = rows.Where(r => r.Any(p => ValueText.Of(p.Value).Length > 0)).ToList();
        return kept.Count == 0 ? FieldParse.Empty : FieldParse.Of(new JsonArray([.. kept]));
    }

    // Each column's list split into items and paired in order; a shorter list leaves its last rows empty.
    static FieldParse FromLabelledColumns(LabelledColumns table, LocalizedText label)
    {
        var columns = table.Columns;
        var items = columns.Select(c => ListItems.Split(table.Of(c))).ToList();
        var count = items.Max(i => i.Count);
        if (count == 0) return FieldParse.Empty;
        var rows = new JsonArray([.. Enumerable.Range(0, count).Select(r =>
            Row(columns, columns.Select((c, k) => ((FieldDefinition?)c, Text: r < items[k].Count ? items[k][r] : ""))))]);
        if (items.Select(i => i.Count).Distinct().Count() == 1) return FieldParse.Of(rows);
        var counts = new LocalizedText(
            string.Join("、", columns.Select((c, k) => $"{c.LabelZh}{items[k].Count}项")),
            string.Join(", ", columns.Select((c, k) => $"{c.LabelEn}: {items[k].Count}")));
        return FieldParse.Warned(rows, DocxErrors.FieldTableUneven, label, counts);
    }

    static List<JsonObject>? FromSubTable(IReadOnlyList<FieldDefinition> columns, Table table)
    {
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(DocxCells.LinesOf).ToList()).ToList();
        var headerAt = rows.FindIndex(r => r.Any(c => Column(columns, c) is not null));
        if (headerAt < 0) return null;
        var map = rows[headerAt].Select(c => Column(columns, c)).ToList();
        return [.. rows.Skip(headerAt + 1).Select(r => Row(columns, map.Select((column, i) =>
            (column, Text: i < r.Count ? CellText.JoinLine(r[i]) : ""))))];
    }

    static FieldDefinition? Column(IReadOnlyList<FieldDefinition> columns, IReadOnlyList<string> lines)
    {
        var text = LabelText.Normalize(string.Concat(lines));
        return columns.FirstOrDefault(c => LabelText.Normalize(c.LabelZh) == text);
    }

    static List<JsonObject>? FromLabelledLines(IReadOnlyList<FieldDefinition> columns, IReadOnlyList<string> lines)
    {
        var pattern = new Regex(string.Join("|", columns.Select((c, k) => $"(?<c{k}>{Regex.Escape(CheckMarks.Compact(c.LabelZh))})\\s*:?")));
        var rows = new List<JsonObject>();
        foreach (var line in lines.Select(l => l.Normalize(NormalizationForm.FormKC)))
        {
            var matches = pattern.Matches(line).Where(m => IsLabel(line, m)).ToList();
            if (matches.Count == 0) continue;
            rows.Add(Row(columns, matches.Select((m, i) =>
            {
                var column = columns[columns.Select((_, k) => k).First(k => m.Groups[$"c{k}"].Success)];
                var end = i + 1 < matches.Count ? matches[i + 1].Index : line.Length;
                return ((FieldDefinition?)column, Text: CheckMarks.Compact(line[(m.Index + m.Length)..end]).Trim('_'));
            })));
        }
        return rows.Count == 0 ? null : rows;
    }

    // A column label starts the line, follows a space or separator, or has its colon: the 单位 of
    // "应用单位甲" is part of a value.
    static bool IsLabel(string line, Match m) =>
        m.Index == 0 || char.IsWhiteSpace(line[m.Index - 1]) || line[m.Index - 1] is '_' or ',' or ';' or '、' or '|' || m.Value.TrimEnd().EndsWith(':');

    static JsonObject Row(IReadOnlyList<FieldDefinition> columns, IEnumerable<(FieldDefinition? Column, string Text)> cells)
    {
        var row = new JsonObject();
        foreach (var c in columns) row[c.Key] = "";
        foreach (var (column, text) in cells)
            if (column is not null) row[column.Key] = column.Type == FieldType.Text ? text : NumberReader.Folded(text);
        return row;
    }
}
