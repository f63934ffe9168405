using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// Renders any annex definition, blank or filled, to a .docx in the annex's own table layout:
/// "附件N", the title, then one bordered table of label and value cells with boxes, sub-tables and the
/// stamp and date block; A4 portrait in 宋体. A new year's definition renders without code changes.
/// </summary>
public sealed partial class AnnexWordWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A4 in twips, with 2.5 cm side margins and 2.54 cm top and bottom.</summary>
    const int PageWidth = 11906, PageHeight = 16838, SideMargin = 1418, TopMargin = 1440;

    /// <summary>The blank template of the form, as the bureau publishes it.</summary>
    public byte[] Blank(FormDefinition form, Taxonomy? taxonomy) => Write(form, null, taxonomy);

    /// <summary>The form filled with the values; null values give the blank template.</summary>
    public byte[] Write(FormDefinition form, JsonObject? values, Taxonomy? taxonomy)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var body = new Body();
            if ((form.AnnexNumberZh ?? AnnexNumber(form.Key)) is { } number)
                body.Append(WordText.Paragraph(JustificationValues.Left, WordText.Run(number, WordText.AnnexNumber)));
            body.Append(Title(form.TitleZh));
            var landscape = form.Layout == FormLayout.List;
            if (landscape) body.Append(new ListTable(form, values, PageHeight - 2 * SideMargin).Build());
            else body.Append(new AnnexTable(form, values, taxonomy).Build());
            body.Append(WordText.Line(""));
            body.Append(Notes(form));
            body.Append(new SectionProperties(
                landscape
                    ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = TopMargin, Bottom = TopMargin, Left = SideMargin, Right = SideMargin, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>The width the table may take: A4 less the side margins.</summary>
    internal const int TextWidth = PageWidth - 2 * SideMargin;

    // The annexes head each table with "附件1", "附件2", "附件3".
    static string? AnnexNumber(string key) => AnnexKey().Match(key) is { Success: true } m ? $"附件{m.Groups[1].Value}" : null;

    // "备注：" and its items under the table, as annex 4 prints them.
    static IEnumerable<Paragraph> Notes(FormDefinition form) =>
        form.NotesZh.Count == 0 ? [] : [WordText.Line("备注："), .. form.NotesZh.Select(n => WordText.Line(n))];

    // Annexes 2 and 3 put the closing "（企业填报）" on a line of its own.
    static Paragraph Title(string title)
    {
        var open = title.LastIndexOf('（');
        var lines = title.EndsWith('）') && open > 0 ? [title[..open], title[open..]] : new[] { title };
        var paragraph = WordText.Paragraph(JustificationValues.Center,
            [.. lines.SelectMany((line, i) => i == 0
                ? new OpenXmlElement[] { WordText.Run(line, WordText.Title, bold: true) }
                : [new Run(new Break()), WordText.Run(line, WordText.Title, bold: true)])]);
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "240" };
        return paragraph;
    }

    [GeneratedRegex(@"^annex(\d+)$")]
    private static partial Regex AnnexKey();
}
