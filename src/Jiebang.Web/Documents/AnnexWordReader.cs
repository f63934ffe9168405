using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads a filled annex from a .docx — our template or the bureau's own, filled in Word, WPS or
/// LibreOffice — into form values. Fields are found by their labels, wherever the cells are; a value
/// is the next cell after its label. Files that are not a .docx by content, are encrypted, are too
/// large or cannot be read are refused.
/// </summary>
public sealed class AnnexWordReader(IOptions<WordImportOptions> options)
{
    public long MaxBytes => options.Value.MaxWordBytes;

    /// <summary>Reads at most the size limit from the stream, then the document.</summary>
    public async Task<Outcome<WordImport>> ReadAsync(Stream content, FormDefinition form, Taxonomy? taxonomy, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return DocxPackage.TooLarge(MaxBytes);
        }
        return Read(buffer.ToArray(), form, taxonomy);
    }

    public Outcome<WordImport> Read(byte[] bytes, FormDefinition form, Taxonomy? taxonomy)
    {
        var limits = options.Value;
        if ((DocxPackage.WhyNot(bytes, MaxBytes) ?? DocxPackage.WhyNotWordPackage(bytes)
                ?? DocxPackage.WhyNotExpanded(bytes, limits.MaxPartBytes, limits.MaxExpandedBytes)) is { } refused)
            return refused;
        List<List<DocCell>> rows;
        List<string> lines;
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            if (document.MainDocumentPart?.Document?.Body is not { } body) return DocxErrors.Unreadable.At("file");
            if (body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Any(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count() > limits.MaxTableRows))
                return DocxErrors.TableTooManyRows.At("file", limits.MaxTableRows);
            rows = DocxCells.Rows(body);
            lines = DocxCells.LinesOutsideTables(body);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            return DocxErrors.Unreadable.At("file");
        }
        var import = Fields(form, taxonomy, rows, lines);
        return import.DecidedKeys.Any()
            ? import
            : DocxErrors.NoFields.At("file", new LocalizedText(form.TitleZh, form.TitleEn));
    }

    static WordImport Fields(FormDefinition form, Taxonomy? taxonomy, List<List<DocCell>> rows, List<string> lines)
    {
        var cells = LabelledCells.Find(form, rows);
        var inline = InlineLabels.Find(form, rows.SelectMany(r => r));
        var values = new JsonObject();
        var report = new List<ImportedField>();
        foreach (var field in form.Fields.Where(f => f.Type != FieldType.Attachment))
        {
            var label = new LocalizedText(field.LabelZh, field.LabelEn);
            cells.Values.TryGetValue(field.Key, out var cell);
            var parse = form.Layout == FormLayout.List
                ? field.Type == FieldType.Table ? ListFormReader.Entries(field, rows) : ListFormReader.HeaderField(field, lines)
                : field.PresetRows is not null ? PresetTableReader.Read(field, rows)
                : field.Type == FieldType.AreaDirection
                ? Area(field, cell, cells.Unclaimed, taxonomy, label)
                : cell is not null ? Parse(field, cell, form.StampBlock, label)
                : inline.TryGetValue(field.Key, out var written)
                    ? Text(field.Type == FieldType.Text ? written : NumberReader.Folded(written))
                : (FieldParse?)null;
            var text = cell is null ? null : ChoiceReader.Shorten(cell.Text);
            if (parse?.Value is { } read && FormLimits.WhyNot(new JsonObject { [field.Key] = read.DeepClone() }) is { } ceiling)
                parse = new FieldParse(null, ceiling with { Severity = Severity.Warning, Label = label });
            report.Add(parse switch
            {
                null => new ImportedField(field.Key, field.LabelZh, ImportStatus.Missing, null,
                    DocxErrors.FieldMissing.WarningAt(field.Key, label)),
                { Value: { }, Problem: var warning } => new ImportedField(field.Key, field.LabelZh, ImportStatus.Found, text, warning is null ? null : warning with { Field = field.Key }),
                { Problem: { } problem } => new ImportedField(field.Key, field.LabelZh, ImportStatus.Unreadable, text, problem with { Field = field.Key }),
                { Value: null } => new ImportedField(field.Key, field.LabelZh, ImportStatus.Empty, null, null),
            });
            if (parse?.Value is { } v) values[field.Key] = v;
        }
        return new WordImport(values, report);
    }

    // The area block has no single value cell: its boxes are read from every cell no other label claimed.
    static FieldParse? Area(FieldDefinition field, DocCell? cell, IReadOnlyList<DocCell> unclaimed, Taxonomy? taxonomy, LocalizedText label)
    {
        if (taxonomy is null) return cell is null ? null : FieldParse.Unreadable(DocxErrors.FieldAreaUnknown, label, ChoiceReader.Shorten(cell.Text));
        var boxes = string.Join("\n", unclaimed.Select(c => c.Text));
        if (AreaReader.HasBoxes(boxes, taxonomy)) return AreaReader.Read(boxes, taxonomy, label);
        return cell is null ? null : AreaReader.Read(cell.Text, taxonomy, label);
    }

    static FieldParse Parse(FieldDefinition field, DocCell cell, StampBlock? stamp, LocalizedText label) => field.Type switch
    {
        FieldType.SingleChoice => ChoiceReader.Read(field.Options ?? [], cell.Text, single: true, label),
        FieldType.MultipleChoice => ChoiceReader.Read(field.Options ?? [], cell.Text, single: false, label),
        FieldType.YearSpan => NumberReader.Years(field, cell.Text, label),
        FieldType.Amount => NumberReader.Amount(cell.Text, label),
        FieldType.Table => TableReader.Read(field, cell, label),
        FieldType.Phone or FieldType.Email or FieldType.Date or FieldType.ResidentId => Text(NumberReader.Folded(CellText.Of(field, cell.Lines, stamp))),
        _ => Text(CellText.Of(field, cell.Lines, stamp)),
    };

    static FieldParse Text(string text) => text.Length == 0 ? FieldParse.Empty : FieldParse.Of(JsonValue.Create(text));
}
