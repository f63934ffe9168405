using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jiebang.Domain.Forms;
using Jiebang.Web.Documents;

namespace Jiebang.Web.Tests.Documents;

/// <summary>A small .docx that expands to far more than it weighs is refused before it is parsed.</summary>
public sealed class WordExpansionTests
{
    static readonly FormDefinition Annex2 = Annexes.Form("annex2");

    // The blank template with one paragraph of `chars` letters written into word/document.xml, streamed.
    static byte[] WithLongRun(long chars)
    {
        var template = new AnnexWordWriter().Blank(Annex2, Annexes.TaxonomyOf(Annex2));
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != "word/document.xml")
                {
                    from.CopyTo(to);
                    continue;
                }
                var xml = new StreamReader(from).ReadToEnd();
                var at = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
                to.Write(Encoding.UTF8.GetBytes(xml[..at] + "<w:p><w:r><w:t>"));
                var chunk = Encoding.UTF8.GetBytes(new string('A', 1 << 20));
                for (var left = chars; left > 0; left -= chunk.Length) to.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                to.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p>" + xml[at..]));
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void Read_SmallDocxWithFiftyMegabyteRun_IsRefusedWithoutAllocatingIt()
    {
        var docx = WithLongRun(50L * 1024 * 1024);
        Assert.True(docx.Length < 200 * 1024, $"the file is {docx.Length} bytes");
        var reader = AnnexWordReaderTests.Reader();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = reader.Read(docx, Annex2, Annexes.TaxonomyOf(Annex2));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("DOCX_PART_TOO_LARGE", error.Code);
        Assert.Equal("Word文件解压后单个部件超过4MB（word/document.xml），无法读取。请删除超长文字或大图片后再试。",
            error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("4MB", error.Message(CultureInfo.GetCultureInfo("en-US")));
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Read_AllPartsPastTheTotal_IsRefusedNamingIt()
    {
        var docx = WithLongRun(3L * 1024 * 1024);
        var reader = new AnnexWordReader(Microsoft.Extensions.Options.Options.Create(
            new WordImportOptions { MaxExpandedBytes = 2 * 1024 * 1024 }));
        var error = Assert.Single(reader.Read(docx, Annex2, Annexes.TaxonomyOf(Annex2)).Errors);
        Assert.Equal("DOCX_EXPANDED_TOO_LARGE", error.Code);
        Assert.Contains("2MB", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Read_TableWithMoreRowsThanTheLimit_IsRefusedNamingIt()
    {
        var docx = new AnnexWordWriter().Blank(Annex2, Annexes.TaxonomyOf(Annex2));
        var reader = new AnnexWordReader(Microsoft.Extensions.Options.Options.Create(new WordImportOptions { MaxTableRows = 3 }));
        var error = Assert.Single(reader.Read(docx, Annex2, Annexes.TaxonomyOf(Annex2)).Errors);
        Assert.Equal("DOCX_TABLE_TOO_MANY_ROWS", error.Code);
        Assert.Contains("3", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Read_FieldPastTheTextCeiling_IsUnreadableAndTheOthersAreRead()
    {
        using var filler = new WordFiller(new AnnexWordWriter().Blank(Annex2, Annexes.TaxonomyOf(Annex2)));
        filler.Type("企业名称", new string('瓷', FormLimits.MaxTextChars + 1)).Type("技术需求名称", "青瓷釉料低温烧成关键技术");
        var import = AnnexWordReaderTests.Read("annex2", filler.Save());

        var name = Assert.Single(import.Fields, f => f.Key == "enterpriseName");
        Assert.Equal(ImportStatus.Unreadable, name.Status);
        Assert.Equal("FORM_TEXT_OVER_CEILING", name.Problem!.Code);
        Assert.Contains("20000", name.Problem.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.False(import.Values.ContainsKey("enterpriseName"));
        Assert.Equal("青瓷釉料低温烧成关键技术", import.Values["demandName"]!.GetValue<string>());
    }
}
