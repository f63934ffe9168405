using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Documents;

/// <summary>Bordered tables and their cells: fixed widths in twips, spans, vertical merges.</summary>
static class WordTable
{
    public static Table New(IReadOnlyList<int> columns)
    {
        var borders = new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
            Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>());
        var table = new Table(new TableProperties(
            new TableWidth { Width = columns.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            borders,
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(columns.Select(w => new GridColumn { Width = w.ToString() })));
        return table;
    }

    static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

    public static TableRow Row(int minHeight = 0)
    {
        var row = new TableRow();
        var props = new TableRowProperties(new CantSplit());
        if (minHeight > 0) props.Append(new TableRowHeight { Val = (uint)minHeight, HeightType = HeightRuleValues.AtLeast });
        row.Append(props);
        return row;
    }

    public enum Merge { None, Start, Continue }

    public static TableCell Cell(int width, int span, IEnumerable<OpenXmlElement> content, bool label = false, Merge merge = Merge.None)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge != Merge.None)
            props.Append(new VerticalMerge { Val = merge == Merge.Start ? MergedCellValues.Restart : MergedCellValues.Continue });
        props.Append(new TableCellVerticalAlignment { Val = label ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top });
        var cell = new TableCell(props);
        var elements = merge == Merge.Continue ? [] : content.ToList();
        cell.Append(elements);
        // A cell must end with a paragraph, also after a nested table.
        if (elements.Count == 0 || elements[^1] is not Paragraph) cell.Append(WordText.Line(""));
        return cell;
    }

    /// <summary>A label cell, centred as in the annexes.</summary>
    public static TableCell Label(int width, int span, string text, Merge merge = Merge.None) =>
        Cell(width, span, [WordText.Line(text, JustificationValues.Center)], label: true, merge);
}
