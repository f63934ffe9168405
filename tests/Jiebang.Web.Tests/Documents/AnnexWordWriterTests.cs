using System.Text.RegularExpressions;
using Jiebang.Web.Documents;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// Each annex rendered blank and filled, opened by LibreOffice and read back from the PDF; the PDFs and
/// their pages as PNG stay in TestResults/documents to be looked at.
/// </summary>
public sealed partial class AnnexWordWriterTests
{
    static async Task<string> RenderToPdfAsync(string key, bool filled)
    {
        var form = Annexes.Form(key);
        var writer = new AnnexWordWriter();
        var bytes = filled ? writer.Write(form, Annexes.Values(key), Annexes.TaxonomyOf(form)) : writer.Blank(form, Annexes.TaxonomyOf(form));
        var docx = Path.Combine(LibreOffice.ResultsDirectory, $"{key}-{(filled ? "filled" : "blank")}.docx");
        await File.WriteAllBytesAsync(docx, bytes, TestContext.Current.CancellationToken);
        var pdf = await LibreOffice.ConvertAsync(docx, "pdf", LibreOffice.ResultsDirectory);
        await LibreOffice.PngPagesAsync(pdf);
        return Compact(await LibreOffice.PdfTextAsync(pdf));
    }

    // pdftotext breaks lines inside cells; the checks read the text without white space.
    static string Compact(string text) => WhiteSpace().Replace(text, "");

    [Theory]
    [InlineData("annex1", "省“尖兵”“领雁”计划重大技术攻关")]
    [InlineData("annex2", "（企业填报）")]
    [InlineData("annex3", "（行业主管部门或协会填报）")]
    public async Task Blank_EachAnnex_ShowsTitleLabelsAndEmptyBoxes(string key, string title)
    {
        var text = await RenderToPdfAsync(key, filled: false);
        Assert.Contains(title, text);
        Assert.Contains("附件" + key[^1], text);
        foreach (var field in Annexes.Form(key).Fields.Where(f => f.Type != Domain.Forms.FieldType.Attachment && f.Section is null
                     && f.Type != Domain.Forms.FieldType.AreaDirection))
            Assert.Contains(Compact(field.LabelZh)[..Math.Min(4, field.LabelZh.Length)], text); // a long label wraps in its cell
        Assert.DoesNotContain("☑", text);
    }

    [Fact]
    public async Task Blank_Annex1_PrintsEveryAreaAndDirectionAsAnEmptyBox()
    {
        var text = await RenderToPdfAsync("annex1", filled: false);
        Assert.Contains("重点领域", text);
        Assert.Contains("☐互联网+", text);
        Assert.Contains("☐集成电路", text);
        Assert.Contains("☐海洋“蓝碳”生态系统", text);
        Assert.Contains("☐国内领先☐国际先进", text);
        Assert.Contains("☐1年☐2年☐3年", text);
        Assert.Contains("对标产品（技术）", text);
        Assert.Contains("（500字左右）", text);
    }

    [Fact]
    public async Task Filled_Annex1_TicksTheChosenOptionsOnly()
    {
        var text = await RenderToPdfAsync("annex1", filled: true);
        Assert.Contains("☑新材料", text);
        Assert.Contains("☐互联网+", text);
        Assert.Contains("☑合金材料", text);
        Assert.Contains("☑先进半导体材料", text);
        Assert.Contains("☐高分子材料", text);
        Assert.Contains("☐国内领先☑国际先进", text);
        Assert.Contains("☑实现进口替代☐抢占前沿技术制高点", text);
        Assert.Contains("☑达到对标国际先进技术水平", text);
        Assert.Contains("☐领跑（无人区）技术", text);
        Assert.Contains("☐1年☐2年☑3年", text);
        Assert.Contains("参数5：研发值55", text);
        Assert.Contains("应用单位3", text);
        Assert.Contains("2500.00", text);
    }

    [Fact]
    public async Task Filled_Annex2_ShowsValuesAmountAndTheStampBlock()
    {
        var text = await RenderToPdfAsync("annex2", filled: true);
        Assert.Contains("浙江龙泉青瓷新材料有限公司", text);
        Assert.Contains("所属地区", text);
        Assert.Contains("800.50万元", text);
        Assert.Contains("☑新材料", text);
        Assert.Contains("☑高分子材料", text);
        Assert.Contains("同意申报。", text);
        var opinion = text.IndexOf("同意申报。", StringComparison.Ordinal);
        Assert.True(opinion >= 0 && text.IndexOf('盖', opinion) > opinion && text.IndexOf('章', opinion) > opinion, "盖章 under the opinion");
        Assert.True(text.IndexOf('月', opinion) > opinion && text.IndexOf('日', opinion) > opinion, "年 月 日 under the opinion");
    }

    [Fact]
    public async Task Filled_Annex3_TicksTheCategoryAndKeepsTheStamp()
    {
        var text = await RenderToPdfAsync("annex3", filled: true);
        Assert.Contains("☑公益性技术应用研究自筹类项目☐其他", text);
        Assert.Contains("经审核，同意推荐。", text);
        Assert.Contains("龙泉市青瓷行业协会", text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
