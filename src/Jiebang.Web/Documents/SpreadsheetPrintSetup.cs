using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiebang.Web.Documents;

/// <summary>
/// Summaries are printed, stamped and scanned [notice §4.3; annex 4 §4.2]: landscape A4, every
/// column on the page's width, the header row repeated on each page. Each worksheet is copied as a
/// stream with the page setup put in its place, so a sheet of 10,000 rows is never built in memory.
/// </summary>
public static class SpreadsheetPrintSetup
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The worksheet's children that come after pageSetup (ECMA-376 CT_Worksheet).</summary>
    static readonly HashSet<string> AfterPageSetup = ["headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
        "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
        "webPublishItems", "tableParts", "extLst"];

    public static void LandscapeFitToWidth(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            using var rewritten = new MemoryStream();
            using (var input = part.GetStream(FileMode.Open, FileAccess.Read)) AddPageSetup(input, rewritten);
            rewritten.Position = 0;
            part.FeedData(rewritten);
            var names = workbook.Workbook.DefinedNames ?? workbook.Workbook.InsertAfter(new DefinedNames(), workbook.Workbook.Sheets);
            names.Append(new DefinedName($"'{sheet.Name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index });
        }
        workbook.Workbook.Save();
    }

    /// <summary>Copies a worksheet's XML, with fit-to-page in its sheetPr and its own margins and landscape A4 page setup.</summary>
    static void AddPageSetup(Stream input, Stream output)
    {
        using var reader = XmlReader.Create(input);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        var prefix = "";
        bool sheetProperties = false, pageSetup = false, skipping = false;
        while (reader.Read())
        {
            var child = reader.Depth == 1 && reader.NamespaceURI == Main;
            if (skipping)
            {
                // An earlier margin or page setup is replaced by ours.
                if (child && reader.NodeType == XmlNodeType.EndElement) skipping = false;
                continue;
            }
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    writer.WriteStartDocument(true);
                    break;
                case XmlNodeType.Element when child && reader.LocalName is "pageMargins" or "pageSetup":
                    skipping = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.Element:
                    if (child && !sheetProperties && reader.LocalName != "sheetPr")
                    {
                        writer.WriteStartElement(prefix, "sheetPr", Main);
                        WriteFitToPage(writer, prefix);
                        writer.WriteEndElement();
                        sheetProperties = true;
                    }
                    if (child && !pageSetup && AfterPageSetup.Contains(reader.LocalName))
                    {
                        WritePageSetup(writer, prefix);
                        pageSetup = true;
                    }
                    if (reader.Depth == 0) prefix = reader.Prefix;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, true);
                    if (child && reader.LocalName == "sheetPr")
                    {
                        sheetProperties = true;
                        if (reader.IsEmptyElement) WriteFitToPage(writer, prefix);
                    }
                    if (reader.IsEmptyElement) writer.WriteEndElement();
                    break;
                case XmlNodeType.EndElement:
                    if (child && reader.LocalName == "sheetPr") WriteFitToPage(writer, prefix);
                    if (reader.Depth == 0 && !pageSetup)
                    {
                        WritePageSetup(writer, prefix);
                        pageSetup = true;
                    }
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
            }
        }
    }

    static void WriteFitToPage(XmlWriter writer, string prefix)
    {
        writer.WriteStartElement(prefix, "pageSetUpPr", Main);
        writer.WriteAttributeString("fitToPage", "1");
        writer.WriteEndElement();
    }

    static void WritePageSetup(XmlWriter writer, string prefix)
    {
        writer.WriteStartElement(prefix, "pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3") })
            writer.WriteAttributeString(name, value);
        writer.WriteEndElement();
        writer.WriteStartElement(prefix, "pageSetup", Main);
        foreach (var (name, value) in new[] { ("paperSize", "9"), ("fitToWidth", "1"), ("fitToHeight", "0"), ("orientation", "landscape") })
            writer.WriteAttributeString(name, value);
        writer.WriteEndElement();
    }
}
