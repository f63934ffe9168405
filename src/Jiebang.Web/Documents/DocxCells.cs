using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Documents;

/// <summary>
/// One cell of a form's table as read back: its paragraphs, each as the lines its typed line breaks
/// make, and any table inside it. A table field laid out as labelled column cells (the bureau's
/// 核心技术参数) is read into one such cell that carries those <see cref="Columns"/>.
/// </summary>
sealed record DocCell(IReadOnlyList<IReadOnlyList<string>> Paragraphs, IReadOnlyList<Table> Tables, bool ContinuesMerge)
{
    public IReadOnlyList<string> Lines { get; } = [.. Paragraphs.SelectMany(p => p)];
    public LabelledColumns? Columns { get; init; }
    public string Text => string.Join("\n", Lines);
    public bool IsEmpty => Lines.All(string.IsNullOrWhiteSpace) && Tables.Count == 0;
}

/// <summary>
/// The cells of every top-level table in a document, row by row, as Word, WPS or LibreOffice wrote
/// them: typed line breaks become new lines, tabs spaces, and symbol-font boxes (Wingdings þ, ¨;
/// Wingdings 2 R, £; w:sym) the Unicode boxes ☑ and ☐. Tables inside cells belong to their cell.
/// </summary>
static class DocxCells
{
    public static List<List<DocCell>> Rows(Body body) =>
        [.. body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any())
            .SelectMany(t => t.Elements<TableRow>())
            .Select(row => row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row).Select(Cell).ToList())];

    /// <summary>The lines of the paragraphs outside any table: "申报单位：…（盖章）" above a list form's table.</summary>
    public static List<string> LinesOutsideTables(Body body) =>
        [.. body.Descendants<Paragraph>().Where(p => !p.Ancestors<Table>().Any()).SelectMany(p => TextOf(p).Split('\n')).Select(l => l.Trim())];

    static DocCell Cell(TableCell cell)
    {
        var merge = cell.TableCellProperties?.VerticalMerge;
        var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
        var paragraphs = cell.Descendants<Paragraph>().Where(p => p.Ancestors<TableCell>().First() == cell);
        var lines = paragraphs.Select(p => (IReadOnlyList<string>)[.. TextOf(p).Split('\n').Select(l => l.TrimEnd())]).ToList();
        var tables = cell.Descendants<Table>().Where(t => t.Ancestors<TableCell>().First() == cell).ToList();
        return new DocCell(lines, tables, continues);
    }

    /// <summary>The lines of a nested table's cell.</summary>
    public static IReadOnlyList<string> LinesOf(TableCell cell) => Cell(cell).Lines;

    public static string TextOf(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
            switch (element)
            {
                case Text t when t.Ancestors<Paragraph>().First() == paragraph:
                    sb.Append(FromSymbolFont(t.Text, t.Parent as Run));
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case SymbolChar sym:
                    sb.Append(Symbol(sym.Char?.Value));
                    break;
            }
        return sb.ToString();
    }

    // Word's own box characters: Wingdings F0FE/F078 (ticked), F0A8/F06F (empty).
    static string Symbol(string? code) => code?.ToUpperInvariant() switch
    {
        "F0FE" or "F078" or "F0FD" or "F052" or "F053" or "F0FC" => CheckMarks.Ticked,
        "F0A8" or "F06F" or "F0A3" => CheckMarks.Unticked,
        _ => "",
    };

    static string FromSymbolFont(string text, Run? run)
    {
        var font = run?.RunProperties?.RunFonts?.Ascii?.Value ?? run?.RunProperties?.RunFonts?.HighAnsi?.Value;
        return font switch
        {
            "Wingdings" => text.Replace('þ', '☑').Replace('ý', '☑').Replace('¨', '☐').Replace('o', '☐'),
            "Wingdings 2" => text.Replace('R', '☑').Replace('S', '☑').Replace('T', '☑').Replace('£', '☐'),
            _ => text,
        };
    }
}
