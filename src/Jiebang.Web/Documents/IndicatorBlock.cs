using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;
using static Jiebang.Web.Documents.WordTable;

namespace Jiebang.Web.Documents;

/// <summary>
/// A table field whose rows the annex prints already named, laid out as rows of the annex's own
/// table (绩效目标申报表, annex 4): the label runs down the first column, the column groups and
/// labels head it (指标名称 over 一级/二级/三级指标, 绩效目标 over 指标值), a fixed cell repeated from the
/// row above is merged with it (产出指标 over nine rows), and each value is followed by its unit.
/// </summary>
sealed class IndicatorBlock(FieldDefinition table, JsonArray? rows, bool blank, IReadOnlyList<int> grid)
{
    const string HintColor = "808080";

    IReadOnlyList<FieldDefinition> Columns => table.Columns!;
    IReadOnlyList<PresetRow> Presets => table.PresetRows ?? [];

    public IEnumerable<TableRow> Build()
    {
        var first = true;
        if (Columns.Any(c => c.GroupZh is not null))
        {
            yield return GroupRow();
            first = false;
        }
        yield return LabelRow(first);
        var count = Math.Max(Presets.Count, rows?.Count ?? 0);
        for (var i = 0; i < count; i++) yield return EntryRow(i);
    }

    TableRow GroupRow()
    {
        var row = Row();
        row.Append(Label(grid[0], 1, table.LabelZh, Merge.Start));
        for (var c = 0; c < Columns.Count;)
        {
            var span = 1;
            while (c + span < Columns.Count && Columns[c + span].GroupZh == Columns[c].GroupZh) span++;
            row.Append(Label(Width(c, span), span, Columns[c].GroupZh ?? ""));
            c += span;
        }
        return row;
    }

    TableRow LabelRow(bool first)
    {
        var row = Row();
        row.Append(Label(grid[0], 1, table.LabelZh, first ? Merge.Start : Merge.Continue));
        for (var c = 0; c < Columns.Count; c++) row.Append(Label(Width(c, 1), 1, Columns[c].LabelZh));
        return row;
    }

    TableRow EntryRow(int i)
    {
        var row = Row(minHeight: 360);
        row.Append(Label(grid[0], 1, table.LabelZh, Merge.Continue));
        var preset = i < Presets.Count ? Presets[i] : null;
        var entry = rows is not null && i < rows.Count ? rows[i] as JsonObject : null;
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (preset?.Cells.TryGetValue(column.Key, out var fixedText) == true)
            {
                row.Append(Cell(Width(c, 1), 1, [WordText.Line(fixedText, JustificationValues.Center)], label: true, MergeOf(i, c)));
                continue;
            }
            var text = ValueText.Of(entry?[column.Key]);
            var last = c == Columns.Count - 1;
            row.Append(Cell(Width(c, 1), 1, last ? [Valued(text, preset?.Unit)] : Open(text, preset)));
        }
        return row;
    }

    // "____ 个": the value, then the unit the annex prints in the cell.
    static Paragraph Valued(string text, string? unit) =>
        unit is null ? WordText.Line(text) : WordText.Line($"{(text.Length == 0 ? "　　" : text)} {unit}", JustificationValues.Right);

    IEnumerable<OpenXmlElement> Open(string text, PresetRow? preset) =>
        text.Length == 0 && preset?.HintZh is { } hint ? [WordText.Line(hint, color: HintColor)]
        : text.Length == 0 && blank ? [WordText.Line("")] : WordText.Lines(text);

    // A fixed cell equal to the one above, under the same cells to its left, continues that cell.
    Merge MergeOf(int i, int c)
    {
        bool SameAsAbove(int row) => row > 0 && row < Presets.Count
            && Enumerable.Range(0, c + 1).All(k => Fixed(row, k) is { } text && text == Fixed(row - 1, k));
        if (SameAsAbove(i)) return Merge.Continue;
        return SameAsAbove(i + 1) ? Merge.Start : Merge.None;
    }

    string? Fixed(int row, int column) => Presets[row].Cells.TryGetValue(Columns[column].Key, out var text) ? text : null;

    int Width(int column, int span) => grid.Skip(column + 1).Take(span).Sum();
}
