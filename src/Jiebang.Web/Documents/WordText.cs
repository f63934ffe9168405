using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Documents;

/// <summary>
/// Runs and paragraphs in the annexes' type: 宋体 for Chinese (the notice's own font), Times New Roman
/// for Latin text and digits, body in 五号 (10.5 pt) inside the table.
/// </summary>
static class WordText
{
    public const string EastAsianFont = "宋体";
    public const string LatinFont = "Times New Roman";

    /// <summary>☐ and ☑ are not in 宋体: a symbol font that Word, WPS and LibreOffice all find or substitute.</summary>
    public const string SymbolFont = "Segoe UI Symbol";

    /// <summary>五号 = 10.5 pt, in half-points.</summary>
    public const int Body = 21;

    /// <summary>小二 = 18 pt, for the annex title.</summary>
    public const int Title = 36;

    /// <summary>三号 = 16 pt, for "附件N".</summary>
    public const int AnnexNumber = 32;

    public static Run Run(string text, int size = Body, bool bold = false, string? color = null, string? font = null)
    {
        var props = new RunProperties();
        if (font is not null)
            props.Append(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold) props.Append(new Bold());
        if (color is not null) props.Append(new Color { Val = color });
        props.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A check box run: ☑ when ticked, ☐ when not.</summary>
    public static Run Box(bool ticked) => Run(ticked ? CheckMarks.Ticked : CheckMarks.Unticked, font: SymbolFont);

    public static Paragraph Paragraph(JustificationValues? align, params OpenXmlElement[] runs)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto });
        if (align is { } a) props.Append(new Justification { Val = a });
        var paragraph = new Paragraph(props);
        paragraph.Append(runs);
        return paragraph;
    }

    public static Paragraph Line(string text, JustificationValues? align = null, string? color = null) =>
        Paragraph(align, Run(text, color: color));

    /// <summary>One paragraph per line of a typed text; an empty text still gets one (a cell needs a paragraph).</summary>
    public static IEnumerable<Paragraph> Lines(string text, string? color = null)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return lines.Select(l => Line(l, color: color));
    }
}
