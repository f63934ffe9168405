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

    [Fact]
    public async Task Blank_Annex4PerformanceForm_ListsEveryIndicatorWithItsUnit()
    {
        var text = await RenderToPdfAsync("annex4-performance", filled: false);
        Assert.Contains("附件2", text);
        Assert.Contains("绩效目标申报表", text);
        Assert.Contains("（2024年度）", text);
        Assert.Contains("经费情况", text);
        Assert.Contains("其中：中央补助", text);
        Assert.Contains("指标名称", text);
        foreach (var header in new[] { "一级指标", "二级指标", "三级指标", "指标值", "绩效目标" }) Assert.Contains(header, text);
        foreach (var preset in Annexes.Form("annex4-performance").Field("indicators")!.PresetRows!)
            Assert.Contains(Compact(preset.Cells.GetValueOrDefault("level3") ?? preset.HintZh!)[..6], text);
        Assert.Contains("（自行设置的社会效益指标）", text);
        // 产出指标 is printed once, merged down its nine rows, not once a row.
        Assert.Single(Regex.Matches(text, "(?<!的)产出指标"));
        Assert.Single(Regex.Matches(text, "数量指标"));
    }

    [Fact]
    public async Task Filled_Annex4PerformanceForm_ShowsValuesAfterTheirIndicatorsWithUnits()
    {
        var text = await RenderToPdfAsync("annex4-performance", filled: true);
        Assert.Contains("龙泉青瓷全国重点实验室建设", text);
        Assert.Contains("1150.5万元", text);
        Assert.Contains("500万元", text);
        Assert.Contains("转化科技成果数量15项", text);
        Assert.Contains("100%", text);
        Assert.Contains("1500万元", text);
        Assert.Contains("制定团体标准数量", text);
        Assert.Contains("2项", text);
        Assert.DoesNotContain("（自行设置的产出指标）", text);
        Assert.Contains("（自行设置的经济效益指标）", text);
    }

    [Fact]
    public async Task Annex4ProposalTable_IsALandscapeListWithNumberedRowsAndNotes()
    {
        var blank = await RenderToPdfAsync("annex4-table", filled: false);
        Assert.Contains("附件1", blank);
        Assert.Contains("2024年拟支持项目建议表", blank);
        Assert.Contains("（盖章）", blank);
        foreach (var header in new[] { "序号", "项目名称", "承担单位", "主要支持内容", "相关领域", "拟支持经费", "自筹经费" }) Assert.Contains(header, blank);
        Assert.Contains("备注：", blank);
        Assert.Contains("2.申报单位以设区市科技局、省属本科高校、省属科研院所等归口管理部门盖章为准。", blank);

        var filled = await RenderToPdfAsync("annex4-table", filled: true);
        Assert.Contains("申报单位：丽水市科学技术局（盖章）", filled);
        Assert.Contains("龙泉青瓷全国重点", filled); // a long name wraps in its cell
        Assert.Contains("浙江龙泉青瓷研究院", filled);
        Assert.Contains("丽水国家创新型城", filled);
        Assert.Contains("650.5", filled);
        var pdf = Path.Combine(LibreOffice.ResultsDirectory, "annex4-table-filled.pdf");
        var size = Regex.Match(await LibreOffice.PdfInfoAsync(pdf), @"Page size:\s+([\d.]+) x ([\d.]+)");
        Assert.True(double.Parse(size.Groups[1].Value) > double.Parse(size.Groups[2].Value), "landscape: " + size.Value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
