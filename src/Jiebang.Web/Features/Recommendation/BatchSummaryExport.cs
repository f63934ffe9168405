using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jiebang.Domain.Forms;
using Jiebang.Web.Data;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// The recommendation summary (推荐汇总表) of a batch in annex 4's 附件1 layout (拟支持项目建议表): the form's
/// title, "申报单位：…（盖章）", a 序号 column and the form's own columns, then its notes. As .docx it is the
/// annex writer's rendering of the form filled with the batch; as .xlsx the same columns on landscape A4.
/// </summary>
public sealed class BatchSummaryExport(ProposalBatchQueries queries, FormRegistry forms, AnnexWordWriter word, AuditTrail audit)
{
    public const string FormKey = "annex4-table";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record File(string FileName, string ContentType, byte[] Content);

    public async Task<Outcome<File>> XlsxAsync(Actor actor, int batchId, CancellationToken cancellationToken = default) =>
        await ExportAsync(actor, batchId, "xlsx", cancellationToken);

    public async Task<Outcome<File>> DocxAsync(Actor actor, int batchId, CancellationToken cancellationToken = default) =>
        await ExportAsync(actor, batchId, "docx", cancellationToken);

    async Task<Outcome<File>> ExportAsync(Actor actor, int batchId, string format, CancellationToken cancellationToken)
    {
        var preview = await queries.PreviewAsync(actor, batchId, cancellationToken);
        if (!preview.Succeeded) return preview.Errors.ToList();
        var p = preview.Value!;
        var form = await FormOf(p.Round, cancellationToken);
        var values = Values(form, p);
        var content = format == "xlsx" ? Xlsx(form, values) : word.Write(form, values, null);
        await audit.RecordNowAsync(actor, "batch.summary_exported", nameof(Domain.Proposals.Recommendation.ProposalBatch), batchId.ToString(),
            $"{format}: {p.Rows.Count} rows", cancellationToken);
        return new File($"推荐汇总表-{batchId}.{format}", format == "xlsx" ? XlsxContentType : AnnexWordWriter.ContentType, content);
    }

    /// <summary>The round's version of the form, or the latest one shipped.</summary>
    async Task<FormDefinition> FormOf(Round round, CancellationToken cancellationToken)
    {
        var named = round.Forms.FirstOrDefault(f => f.StartsWith(FormKey + "@", StringComparison.Ordinal));
        var version = named is not null && int.TryParse(named[(FormKey.Length + 1)..], out var v) ? v : 0;
        return await forms.FormAsync(FormKey, version, cancellationToken)
            ?? throw new InvalidOperationException($"form {FormKey} is missing");
    }

    /// <summary>The form's values for the batch: the level as 申报单位, each proposal a row of the table.</summary>
    public static JsonObject Values(FormDefinition form, ProposalBatchQueries.Preview preview)
    {
        var table = form.Fields.Single(f => f.Type == FieldType.Table);
        var rows = new JsonArray();
        foreach (var row in preview.Rows)
        {
            var entry = new JsonObject();
            foreach (var column in table.Columns!)
                entry[column.Key] = Cell(column, row);
            rows.Add(entry);
        }
        var values = new JsonObject { [table.Key] = rows };
        foreach (var field in form.Fields.Where(f => f.Type == FieldType.Text)) values[field.Key] = preview.UnitName;
        return values;
    }

    // The annex's columns, each filled from the proposal; a column a later year adds stays empty.
    static string Cell(FieldDefinition column, ProposalBatchStore.Row row)
    {
        var text = column.Key switch
        {
            "projectName" => row.ProjectName,
            "leadUnit" => row.LeadUnit,
            "supportContent" => row.Content,
            "relatedField" => row.Area,
            "proposedFunding" => Amount(row.SubsidyWan),
            "selfFunding" => row.SelfFundingWan is { } self ? Amount(self) : "",
            _ => "",
        };
        return column.MaxChars is { } max && text.Length > max ? text[..max] : text;
    }

    static string Amount(decimal wan) => wan.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The table as a workbook: landscape A4 fitted to the width, the header row repeated on each page.</summary>
    static byte[] Xlsx(FormDefinition form, JsonObject values)
    {
        var table = form.Fields.Single(f => f.Type == FieldType.Table);
        var columns = table.Columns!;
        var header = form.Fields.FirstOrDefault(f => f.Type == FieldType.Text);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var last = ColumnName(columns.Count);
            uint r = 0;
            Row Next() { var row = new Row { RowIndex = ++r }; data.Append(row); return row; }

            Next().Append(TextCell("A", r, form.AnnexNumberZh ?? "", Plain));
            var titleRow = Next();
            titleRow.Height = 30;
            titleRow.CustomHeight = true;
            titleRow.Append(TextCell("A", r, form.TitleZh, Title));
            var titleAt = r;
            if (header is not null)
            {
                var line = $"{header.LabelZh}：{values[header.Key]}";
                if (form.StampBlock is { } stamp && stamp.AfterField == header.Key) line += $"（{stamp.LabelZh}）";
                Next().Append(TextCell("A", r, line, Plain));
            }
            var headerAt = r + 1;
            var heads = Next();
            heads.Append(TextCell("A", r, "序号", Head));
            for (var c = 0; c < columns.Count; c++) heads.Append(TextCell(ColumnName(c + 1), r, columns[c].LabelZh, Head));
            var n = 0;
            foreach (var entry in (values[table.Key] as JsonArray ?? []).OfType<JsonObject>())
            {
                var row = Next();
                row.Append(NumberCell("A", r, ++n, Whole));
                for (var c = 0; c < columns.Count; c++)
                {
                    var text = entry[columns[c].Key]?.ToString() ?? "";
                    row.Append(columns[c].Type == FieldType.Amount && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var wan)
                        ? NumberCell(ColumnName(c + 1), r, wan, Money)
                        : TextCell(ColumnName(c + 1), r, text, Body));
                }
            }
            r++;
            if (form.NotesZh.Count > 0) Next().Append(TextCell("A", r, "备注：", Plain));
            foreach (var note in form.NotesZh) Next().Append(TextCell("A", r, note, Plain));

            sheet.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new Columns([new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
                    .. columns.Select((c, i) => new Column
                    {
                        Min = (uint)(i + 2), Max = (uint)(i + 2), CustomWidth = true,
                        Width = c.Multiline ? 50 : c.Type == FieldType.Amount ? 15 : (c.MaxChars ?? 30) <= 30 ? 16 : 28,
                    })]),
                data,
                new MergeCells(new MergeCell { Reference = $"A{titleAt}:{last}{titleAt}" }),
                new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            workbook.Workbook.Append(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "推荐汇总表" }),
                new DefinedNames(new DefinedName($"'推荐汇总表'!${headerAt}:${headerAt}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return stream.ToArray();
    }

    const uint Plain = 0, Title = 1, Head = 2, Body = 3, Money = 4, Whole = 5;

    static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(FontOf(11, false), FontOf(16, true), FontOf(11, true)) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(), new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellFormats(
            new CellFormat { FontId = 0, BorderId = 0 },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, NumberFormatId = 164, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true })
        { Count = 6 });

    static Font FontOf(double size, bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
        return font;
    }

    static Cell TextCell(string column, uint row, string text, uint style) => new()
    {
        CellReference = column + row, DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    static Cell NumberCell(string column, uint row, decimal value, uint style) => new()
    {
        CellReference = column + row, DataType = CellValues.Number, StyleIndex = style,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    // Columns A, B, … (the table has far fewer than 26).
    static string ColumnName(int index) => ((char)('A' + index)).ToString();
}
