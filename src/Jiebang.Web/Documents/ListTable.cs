using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// A list form (拟支持项目建议表, annex 4) on landscape A4: its short fields as lines above the table
/// ("申报单位：…（盖章）"), then one wide table of its entries with a 序号 column, at least a few rows in
/// the blank template.
/// </summary>
sealed class ListTable(FormDefinition form, JsonObject? values, int width)
{
    const int NumberColumn = 700, BlankRows = 5;

    public IEnumerable<OpenXmlElement> Build()
    {
        foreach (var field in form.Fields.Where(f => f.Type != FieldType.Table && f.Type != FieldType.Attachment))
            yield return HeaderLine(field);
        yield return Entries(form.Fields.Single(f => f.Type == FieldType.Table));
    }

    // "申报单位：龙泉市科学技术局（盖章）"; blank: a gap to write in.
    Paragraph HeaderLine(FieldDefinition field)
    {
        var text = ValueText.Of(values?[field.Key]);
        var line = $"{field.LabelZh}：{(text.Length == 0 ? "　　　　　　　　" : text)}";
        if (form.StampBlock is { } stamp && stamp.AfterField == field.Key)
            line += $"（{stamp.LabelZh}）" + (stamp.Dated ? "　　　　年　　月　　日" : "");
        var paragraph = WordText.Paragraph(JustificationValues.Left, WordText.Run(line, WordText.Body + 3));
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "120" };
        return paragraph;
    }

    Table Entries(FieldDefinition field)
    {
        var columns = field.Columns!;
        var widths = Widths(columns);
        var table = WordTable.New([NumberColumn, .. widths]);
        var header = WordTable.Row(minHeight: 500);
        header.Append(WordTable.Label(NumberColumn, 1, "序号"));
        for (var c = 0; c < columns.Count; c++) header.Append(WordTable.Label(widths[c], 1, columns[c].LabelZh));
        table.Append(header);
        var entries = (values?[field.Key] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var count = values is null ? Math.Max(field.MinRows ?? 0, BlankRows) : Math.Max(entries.Count, field.MinRows ?? 0);
        for (var r = 0; r < count; r++)
        {
            var row = WordTable.Row(minHeight: 500);
            row.Append(WordTable.Label(NumberColumn, 1, r < entries.Count || values is null ? (r + 1).ToString() : ""));
            for (var c = 0; c < columns.Count; c++)
            {
                var text = r < entries.Count ? ValueText.Of(entries[r][columns[c].Key]) : "";
                row.Append(columns[c].Type == FieldType.Amount
                    ? WordTable.Cell(widths[c], 1, [WordText.Line(text, JustificationValues.Right)], label: true)
                    : WordTable.Cell(widths[c], 1, WordText.Lines(text)));
            }
            table.Append(row);
        }
        return table;
    }

    // The long texts (主要支持内容) get the room; amounts and short names share the rest.
    List<int> Widths(IReadOnlyList<FieldDefinition> columns)
    {
        var weights = columns.Select(c => c.Multiline ? 5.0 : c.Type == FieldType.Amount || c.MaxChars <= 30 ? 1.4 : 2.4).ToList();
        var usable = width - NumberColumn;
        return [.. weights.Select(w => (int)(usable * w / weights.Sum()))];
    }
}
