using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;
using static Jiebang.Web.Documents.WordTable;

namespace Jiebang.Web.Documents;

/// <summary>
/// The annex's one table on a five-column grid: label | sub-label | value | second label | second value.
/// A single field spans the value over four columns, a pair takes label-value-label-value, a section
/// header runs down the first column, and an area block gives each area a row.
/// </summary>
sealed class AnnexTable(FormDefinition form, JsonObject? values, Taxonomy? taxonomy)
{
    static readonly int[] LabelledGrid = [1700, 1500, 1200, 1500, AnnexWordWriter.TextWidth - 5900];

    // 绩效目标申报表: 绩效指标 | 一级指标 | 二级指标 | 三级指标 (long names) | 指标值.
    static readonly int[] IndicatorGrid = [1100, 1700, 1500, 2970, AnnexWordWriter.TextWidth - 7270];
    const int TallRow = 1400, StampRow = 2600;

    readonly int[] Grid = form.Fields.Any(f => f.PresetRows is not null) ? IndicatorGrid : LabelledGrid;

    bool Blank => values is null;

    int Width(int from, int span) => Grid.Skip(from).Take(span).Sum();

    public Table Build()
    {
        var table = New(Grid);
        foreach (var row in AnnexRows.Of(form))
            table.Append(row switch
            {
                SingleRow s => [Single(s.Field)],
                PairRow p => [Pair(p.Left, p.Right)],
                SectionRow s => [Section(s)],
                AreaBlock a => Areas(a.Field),
                PresetTableBlock p => new IndicatorBlock(p.Field, values?[p.Field.Key] as JsonArray, Blank, Grid).Build(),
                _ => Array.Empty<TableRow>(),
            });
        return table;
    }

    TableRow Single(FieldDefinition field)
    {
        var row = Row(Height(field));
        row.Append(Label(Grid[0], 1, field.LabelZh), Cell(Width(1, 4), 4, Value(field, Width(1, 4))));
        return row;
    }

    TableRow Pair(FieldDefinition left, FieldDefinition right)
    {
        var row = Row();
        row.Append(Label(Grid[0], 1, left.LabelZh), Cell(Width(1, 2), 2, Value(left, Width(1, 2))),
            Label(Grid[3], 1, right.LabelZh), Cell(Grid[4], 1, Value(right, Grid[4])));
        return row;
    }

    // Annex 1 prints 预期标志性成果及水平 both as the section header and as its first box: no sub-label then.
    TableRow Section(SectionRow s)
    {
        var row = Row(Height(s.Field));
        row.Append(Label(Grid[0], 1, s.Section.LabelZh, s.First ? Merge.Start : Merge.Continue));
        if (s.Field.LabelZh == s.Section.LabelZh)
            row.Append(Cell(Width(1, 4), 4, Value(s.Field, Width(1, 4))));
        else
            row.Append(Label(Grid[1], 1, s.Field.LabelZh), Cell(Width(2, 3), 3, Value(s.Field, Width(2, 3))));
        return row;
    }

    /// <summary>
    /// Annex 1: "重点领域 | □互联网+ | 主要方向 | □集成电路 …", one row per area, the label split at 和
    /// ("重点领域和主要方向"); a label without 和 (annex 2, 所属领域) runs down the first column instead.
    /// </summary>
    IEnumerable<TableRow> Areas(FieldDefinition field)
    {
        if (taxonomy is not { Areas.Count: > 0 }) return [Single(field)];
        var (chosenArea, chosenDirections) = AreaValue.Of(values?[field.Key]);
        var parts = field.LabelZh.Split('和', 2);
        var split = parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0;
        return taxonomy.Areas.Select((area, i) =>
        {
            var ticked = area.Name == chosenArea;
            var row = Row();
            row.Append(split ? Label(Grid[0], 1, parts[0]) : Label(Grid[0], 1, field.LabelZh, i == 0 ? Merge.Start : Merge.Continue));
            row.Append(Cell(Grid[1], 1, [WordText.Paragraph(null, WordText.Box(ticked), WordText.Run(area.Name))], label: true));
            var directions = area.Directions.Select(d => (Ticked: ticked && chosenDirections.Contains(d), Name: d)).ToList();
            if (split)
                row.Append(Label(Grid[2], 1, parts[1]),
                    Cell(Width(3, 2), 2, directions.Select(d => WordText.Paragraph(null, WordText.Box(d.Ticked), WordText.Run(d.Name)))));
            else
                row.Append(Cell(Width(2, 3), 3, [WordText.Paragraph(null, [.. directions.SelectMany(d =>
                    new OpenXmlElement[] { WordText.Box(d.Ticked), WordText.Run(d.Name + "  ") })])]));
            return row;
        });
    }

    List<OpenXmlElement> Value(FieldDefinition field, int width)
    {
        var content = ValueCell.Content(field, values?[field.Key], taxonomy, Blank, width).ToList();
        if (form.StampBlock is { } stamp && stamp.AfterField == field.Key)
            content.AddRange(StampLines(stamp));
        return content;
    }

    // Annexes 2 and 3: "盖 章" and "年 月 日" at the bottom right of the opinion box, for the stamp by hand.
    static IEnumerable<OpenXmlElement> StampLines(StampBlock stamp)
    {
        yield return WordText.Line("");
        yield return WordText.Line("");
        yield return Indented(string.Join("　", stamp.LabelZh.ToCharArray()));
        if (stamp.Dated) yield return Indented("年　　月　　日");
    }

    static Paragraph Indented(string text)
    {
        var paragraph = WordText.Line(text, JustificationValues.Right);
        paragraph.ParagraphProperties!.Indentation = new Indentation { Right = "600" };
        return paragraph;
    }

    int Height(FieldDefinition field) =>
        form.StampBlock?.AfterField == field.Key ? StampRow : field.Multiline && Blank ? TallRow : field.Multiline ? 700 : 0;
}
