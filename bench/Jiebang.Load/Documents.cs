using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Load;

/// <summary>The files applicants send: the blank annex 2 filled as in Word, and a one-page scan.</summary>
public static class Documents
{
    /// <summary>Types the values into the cells after their labels and ticks an area, as a person would.</summary>
    public static byte[] FillAnnex2(byte[] blank, string enterprise, string demandName)
    {
        using var stream = new MemoryStream();
        stream.Write(blank);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            void Type(string label, string text)
            {
                var cell = body.Descendants<TableCell>().First(c => Compact(c.InnerText) == Compact(label)).NextSibling<TableCell>()!;
                foreach (var p in cell.Elements<Paragraph>().ToList()) p.Remove();
                cell.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }
            void Tick(string option)
            {
                var label = body.Descendants<Text>().First(t => t.Text.Trim() == option);
                ((Run)label.Parent!).PreviousSibling<Run>()!.GetFirstChild<Text>()!.Text = "√";
            }
            Type("企业名称", enterprise);
            Type("联系人", "王经理");
            Type("联系方式", "13905781234");
            Type("技术需求名称", demandName);
            Type("技术需求描述", "研究高导热氮化铝粉体制备与流延成型工艺，解决烧结致密化与翘曲问题。");
            Type("预计总投入", "800.00");
            Tick("新材料");
            Tick("电子化学材料");
        }
        return stream.ToArray();
    }

    public static byte[] OnePagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    static string Compact(string text) => new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);
}
