using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// Builds a .docx the way the bureau's own annex template is made, not as we write it: one big
/// table whose rows have two or three cells, labels merged down over several rows with w:vMerge.
/// A cell is given as its paragraphs; "\n" inside a paragraph is a typed line break (Shift+Enter).
/// </summary>
public static class BureauDocument
{
    public enum Merge { None, Restart, Continue }

    public sealed record Cell(string[] Paragraphs, Merge Merge = Merge.None);

    public static Cell Text(params string[] paragraphs) => new(paragraphs);

    /// <summary>The first cell of a label merged down over the next rows.</summary>
    public static Cell MergedLabel(params string[] paragraphs) => new(paragraphs, Merge.Restart);

    /// <summary>The continuation of a merged label: no text, as Word writes it.</summary>
    public static Cell UnderMerge() => new([""], Merge.Continue);

    public static byte[] Of(params Cell[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
                new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "2400" }, new GridColumn { Width = "4600" }));
            foreach (var row in rows)
                table.Append(new TableRow(row.Select((cell, i) => TableCell(cell, Span(row.Length, i)))));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("省“尖兵”“领雁”计划重大技术攻关需求表"))), table, new Paragraph()));
        }
        return stream.ToArray();
    }

    // A row of two cells spans the grid's three columns with its second cell.
    static int Span(int cells, int index) => cells == 2 && index == 1 ? 2 : 1;

    static TableCell TableCell(Cell cell, int span)
    {
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (cell.Merge == Merge.Restart) properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        if (cell.Merge == Merge.Continue) properties.Append(new VerticalMerge());
        return new TableCell(cell.Paragraphs.Select(Paragraph).Prepend<OpenXmlElement>(properties));
    }

    static Paragraph Paragraph(string text) => WordFiller.Paragraph(text);
}
