using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiebang.Web.Documents;

/// <summary>
/// Summaries are printed, stamped and scanned [notice §4.3; annex 4 §4.2]: landscape A4, every
/// column on the page's width, the header row repeated on each page.
/// </summary>
public static class SpreadsheetPrintSetup
{
    public static void LandscapeFitToWidth(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var properties = worksheet.GetFirstChild<SheetProperties>() ?? worksheet.PrependChild(new SheetProperties());
            properties.PageSetupProperties = new PageSetupProperties { FitToPage = true };
            OpenXmlElement after = worksheet.GetFirstChild<AutoFilter>() ?? (OpenXmlElement)worksheet.GetFirstChild<SheetData>()!;
            var margins = worksheet.GetFirstChild<PageMargins>()
                ?? worksheet.InsertAfter(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 }, after);
            worksheet.InsertAfter(new PageSetup
            {
                PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0,
            }, margins);
            var names = workbook.Workbook.DefinedNames ?? workbook.Workbook.InsertAfter(new DefinedNames(), workbook.Workbook.Sheets);
            names.Append(new DefinedName($"'{sheet.Name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index });
            worksheet.Save();
        }
        workbook.Workbook.Save();
    }
}
