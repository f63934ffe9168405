using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads a list form (拟支持项目建议表, annex 4): its short fields from the lines above the table
/// ("申报单位：丽水市科学技术局（盖章）"), and its entries from the table whose header row names the
/// columns, one entry a row; the 序号 column and rows left empty are passed over.
/// </summary>
static partial class ListFormReader
{
    /// <summary>The value written after "label：" on a line of its own, without the stamp and date the form prints there.</summary>
    public static FieldParse? HeaderField(FieldDefinition field, IEnumerable<string> lines)
    {
        var label = LabelText.Normalize(field.LabelZh);
        foreach (var line in lines)
        {
            var colon = line.IndexOfAny(['：', ':']);
            if (colon <= 0 || LabelText.Normalize(line[..colon]) != label) continue;
            var value = StampAndDate().Replace(line[(colon + 1)..], "").Trim();
            return value.Length == 0 ? FieldParse.Empty : FieldParse.Of(JsonValue.Create(value));
        }
        return null;
    }

    public static FieldParse? Entries(FieldDefinition table, List<List<DocCell>> rows)
    {
        var columns = table.Columns!;
        if (ColumnHeader.Find(columns, rows, named => named * 2 > columns.Count) is not { } header) return null;
        var (headerAt, positions) = header;
        var entries = new JsonArray();
        foreach (var row in rows.Skip(headerAt + 1))
        {
            var entry = new JsonObject();
            for (var k = 0; k < columns.Count; k++)
            {
                var text = positions[k] >= 0 && positions[k] < row.Count ? Text(columns[k], row[positions[k]]) : "";
                if (text.Length > 0) entry[columns[k].Key] = text;
            }
            if (entry.Count > 0) entries.Add(entry);
        }
        return entries.Count == 0 ? FieldParse.Empty : FieldParse.Of(entries);
    }

    static string Text(FieldDefinition column, DocCell cell) =>
        column.Type == FieldType.Text
            ? column.Multiline ? string.Join("\n", cell.Lines.Select(l => l.Trim()).Where(l => l.Length > 0)) : CellText.JoinLine(cell.Lines)
            : NumberReader.Folded(CellText.JoinLine(cell.Lines)).Replace("万元", "").Trim();

    [GeneratedRegex(@"[（(]\s*盖\s*章\s*[)）]|\d{0,4}\s*年\s*\d{0,2}\s*月\s*\d{0,2}\s*日")]
    private static partial Regex StampAndDate();
}
