using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;
using Jiebang.Web.Documents;

namespace Jiebang.Web.Tests.Documents;

/// <summary>Files the import refuses, judged by their bytes whatever their name, with a Chinese message each.</summary>
public sealed class WordRefusalTests
{
    static readonly FormDefinition Annex2 = Annexes.Form("annex2");

    static string RefusalOf(byte[] bytes, long maxBytes = 10 * 1024 * 1024)
    {
        var outcome = AnnexWordReaderTests.Reader(maxBytes).Read(bytes, Annex2, Annexes.TaxonomyOf(Annex2));
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.NotEqual(error.Code, error.Message(new("zh-CN")));
        return error.Code;
    }

    static byte[] Template() => new AnnexWordWriter().Blank(Annex2, Annexes.TaxonomyOf(Annex2));

    [Fact]
    public void Read_RenamedExecutable_IsNotWord()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        Assert.Equal("DOCX_NOT_WORD", RefusalOf(exe));
    }

    [Fact]
    public void Read_TextFileNamedDocx_IsNotWord() =>
        Assert.Equal("DOCX_NOT_WORD", RefusalOf(Encoding.UTF8.GetBytes("企业名称：测试企业\n联系人：张伟")));

    [Fact]
    public void Read_ZipWithoutAWordDocument_IsNotWord()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""");
        }
        Assert.Equal("DOCX_NOT_WORD", RefusalOf(stream.ToArray()));
    }

    [Fact]
    public void Read_OleCompoundFile_IsEncrypted()
    {
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        Assert.Equal("DOCX_ENCRYPTED", RefusalOf(ole));
    }

    [Fact]
    public void Read_ZeroBytes_IsEmpty() => Assert.Equal("DOCX_EMPTY", RefusalOf([]));

    [Fact]
    public void Read_OverTheLimit_IsTooLarge() => Assert.Equal("DOCX_TOO_LARGE", RefusalOf(Template(), maxBytes: 1024));

    [Fact]
    public async Task ReadAsync_StreamOverTheLimit_StopsReadingAndIsTooLarge()
    {
        var reader = AnnexWordReaderTests.Reader(maxBytes: 1024);
        var outcome = await reader.ReadAsync(new MemoryStream(new byte[1024 * 1024]), Annex2, null, TestContext.Current.CancellationToken);
        Assert.Equal("DOCX_TOO_LARGE", Assert.Single(outcome.Errors).Code);
        Assert.Equal("文件超过1KB。请删除Word文档中的大图片或另行作为附件上传后再试。", outcome.Errors[0].Message(new("zh-CN")));
    }

    [Fact]
    public void Read_TruncatedDocx_IsUnreadable()
    {
        var docx = Template();
        Assert.Equal("DOCX_UNREADABLE", RefusalOf(docx[..(docx.Length / 2)]));
    }

    [Fact]
    public void Read_WordFileWithoutTheFormsTable_FindsNoFields()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("一份普通的通知。")))));
        }
        Assert.Equal("DOCX_NO_FIELDS", RefusalOf(stream.ToArray()));
    }
}
