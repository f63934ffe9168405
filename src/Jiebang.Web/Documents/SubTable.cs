using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// A table field inside its value cell: a header of column labels, then one row per entry and at
/// least as many rows as the annex asks for (核心技术参数（5项以上）, 应用单位（3家以上）, annex 1).
/// </summary>
static class SubTable
{
    const int DefaultRows = 3;

    public static IEnumerable<OpenXmlElement> Of(FieldDefinition field, JsonArray? rows, int width)
    {
        var columns = field.Columns ?? [];
        if (columns.Count == 0) return [];
        var usable = width - 200;
        var widths = columns.Select(_ => usable / columns.Count).ToList();
        var table = WordTable.New(widths);
        var header = WordTable.Row();
        for (var c = 0; c < columns.Count; c++) header.Append(WordTable.Label(widths[c], 1, columns[c].LabelZh));
        table.Append(header);
        var entries = rows?.OfType<JsonObject>().ToList() ?? [];
        var count = Math.Max(entries.Count, field.MinRows ?? DefaultRows);
        for (var r = 0; r < count; r++)
        {
            var row = WordTable.Row(minHeight: 360);
            for (var c = 0; c < columns.Count; c++)
            {
                var text = r < entries.Count ? ValueText.Of(entries[r][columns[c].Key]) : "";
                row.Append(WordTable.Cell(widths[c], 1, WordText.Lines(text)));
            }
            table.Append(row);
        }
        return [table];
    }
}
