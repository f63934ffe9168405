using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// Fills a blank template as a person would in Word: types into the cell after a label (keeping or
/// replacing what is there), and ticks boxes with whatever mark they like.
/// </summary>
public sealed class WordFiller : IDisposable
{
    readonly MemoryStream _stream;
    readonly WordprocessingDocument _document;

    public WordFiller(byte[] docx)
    {
        _stream = new MemoryStream();
        _stream.Write(docx);
        _document = WordprocessingDocument.Open(_stream, true);
    }

    Body Body => _document.MainDocumentPart!.Document!.Body!;

    /// <summary>Replaces the value cell's paragraphs; "\n" inside a paragraph is a typed line break (Shift+Enter).</summary>
    public WordFiller Type(string label, params string[] paragraphs) => Edit(label, cell =>
    {
        foreach (var p in cell.Elements<Paragraph>().ToList()) p.Remove();
        foreach (var text in paragraphs) cell.Append(Paragraph(text));
    });

    /// <summary>Adds paragraphs after what the value cell holds (the grey instructions stay).</summary>
    public WordFiller Append(string label, params string[] paragraphs) => Edit(label, cell =>
    {
        foreach (var text in paragraphs) cell.Append(Paragraph(text));
    });

    /// <summary>Replaces the box before the option with the mark: "√", "■", "X", "☒", "Ｘ".</summary>
    public WordFiller Tick(string option, string mark)
    {
        var label = Body.Descendants<Text>().First(t => t.Text.Trim() == option);
        var box = ((Run)label.Parent!).PreviousSibling<Run>()!.GetFirstChild<Text>()!;
        box.Text = mark;
        return this;
    }

    public byte[] Save()
    {
        _document.Dispose();
        return _stream.ToArray();
    }

    WordFiller Edit(string label, Action<TableCell> edit)
    {
        var cell = Body.Descendants<TableCell>().First(c => Compact(c.InnerText) == Compact(label));
        edit(cell.NextSibling<TableCell>()!);
        return this;
    }

    /// <summary>A paragraph as typed: "\n" is a typed line break (Shift+Enter).</summary>
    internal static Paragraph Paragraph(string text)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(run);
    }

    static string Compact(string text) => new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
