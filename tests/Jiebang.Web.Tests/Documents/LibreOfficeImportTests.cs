using System.Text.Json.Nodes;
using Jiebang.Web.Documents;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// Files that LibreOffice wrote, not us: our template filled as people fill it (typed line breaks,
/// extra paragraphs, the grey instructions left in, ticks as √, ■, X, ☒, full-width digits), then
/// opened and saved by LibreOffice (.docx → .odt → .docx) before it is read.
/// </summary>
public sealed class LibreOfficeImportTests
{
    static Task<byte[]> ThroughLibreOfficeAsync(string name, byte[] docx) => LibreOffice.ResavedAsync(name, docx, via: "odt");

    static byte[] Blank(string key)
    {
        var form = Annexes.Form(key);
        return new AnnexWordWriter().Blank(form, Annexes.TaxonomyOf(form));
    }

    static JsonNode? Value(WordImport import, string key) => import.Values[key];

    static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString(Jiebang.Domain.Forms.FormJson.Options)}");

    [Theory]
    [InlineData("annex1")]
    [InlineData("annex2")]
    [InlineData("annex3")]
    [InlineData("annex4-table")]
    [InlineData("annex4-performance")]
    public async Task RoundTrip_FilledAnnexSavedByLibreOffice_GivesTheSameValues(string key)
    {
        var form = Annexes.Form(key);
        var values = Annexes.Values(key);
        var docx = await ThroughLibreOfficeAsync($"{key}-roundtrip", new AnnexWordWriter().Write(form, values, Annexes.TaxonomyOf(form)));
        var import = AnnexWordReaderTests.Read(key, docx);
        Assert.Equal(values.ToJsonString(), AnnexWordReaderTests.Ordered(import.Values, values).ToJsonString());
    }

    [Fact]
    public async Task Annex2_FilledByHandInTheTemplate_ReadsBreaksParagraphsTicksAndFullWidthDigits()
    {
        using var filler = new WordFiller(Blank("annex2"));
        filler.Type("企业名称", "浙江龙泉青瓷", "新材料有限公司")
            .Type("联系人", "", "张伟", "")
            .Type("联系方式", "１３８ １２３４ ５６７８")
            .Type("技术需求名称", "青瓷釉料低温\n烧成关键技术")
            .Append("技术需求描述", "研究低温烧成釉料配方，", "", "突破烧成能耗高的技术瓶颈。")
            .Type("预计总投入", "８００．５０ 万元")
            .Type("企业负责人意见", "同意申报。", "", "盖 章", "２０２４年４月１日")
            .Tick("新材料", "√")
            .Tick("高分子材料", "■");
        var import = AnnexWordReaderTests.Read("annex2", await ThroughLibreOfficeAsync("annex2-by-hand", filler.Save()));

        Assert.Equal("浙江龙泉青瓷新材料有限公司", Value(import, "enterpriseName")!.GetValue<string>());
        Assert.Equal("张伟", Value(import, "contactName")!.GetValue<string>());
        Assert.Equal("13812345678", Value(import, "contactPhone")!.GetValue<string>().Replace(" ", ""));
        Assert.Equal("青瓷釉料低温烧成关键技术", Value(import, "demandName")!.GetValue<string>());
        Assert.Equal("研究低温烧成釉料配方，\n突破烧成能耗高的技术瓶颈。", Value(import, "description")!.GetValue<string>());
        Assert.Equal("800.50", Value(import, "totalInvestment")!.GetValue<string>());
        Assert.Equal("同意申报。", Value(import, "leaderOpinion")!.GetValue<string>());
        AssertJson("""{"area":"新材料","directions":["高分子材料"]}""", Value(import, "area"));
        Assert.Equal("龙泉市", Value(import, "region")!.GetValue<string>());
        Assert.Equal(ImportStatus.Empty, import.Fields.Single(f => f.Key == "profile").Status);
    }

    [Fact]
    public async Task Annex1_TickedWithXAndChecks_ReadsChoicesYearsAndTheArea()
    {
        using var filler = new WordFiller(Blank("annex1"));
        filler.Type("需求名称", "高性能铜合金精密带材关键制备技术")
            .Tick("合金材料", "☒")
            .Tick("国际先进", "X")
            .Tick("实现进口替代", "Ｘ")
            .Tick("达到对标国际先进技术水平", "✓")
            .Tick("开发出国产化替代的产品形成批量生产能力", "√")
            .Tick("2年", "■")
            .Type("建议研发总投入（万元）", "２５００");
        var import = AnnexWordReaderTests.Read("annex1", await ThroughLibreOfficeAsync("annex1-by-hand", filler.Save()));

        AssertJson("""{"area":"新材料","directions":["合金材料"]}""", Value(import, "focusArea"));
        Assert.Equal("internationalAdvanced", Value(import, "advancedLevel")!.GetValue<string>());
        Assert.Equal("importSubstitution", Value(import, "resultNature")!.GetValue<string>());
        AssertJson("""["matchInternational","substituteMassProduction"]""", Value(import, "targetLevels"));
        Assert.Equal(2, Value(import, "duration")!.GetValue<int>());
        Assert.Equal("2500", Value(import, "totalInvestment")!.GetValue<string>());
        Assert.Equal(ImportStatus.Empty, import.Fields.Single(f => f.Key == "background").Status);
    }

    [Fact]
    public async Task Annex3_TwoCategoriesTicked_ReportsTheFieldUnreadableInChinese()
    {
        using var filler = new WordFiller(Blank("annex3"));
        filler.Type("需求名称", "青瓷窑炉烟气减排共性技术").Tick("公益性技术应用研究自筹类项目", "X").Tick("其他", "√");
        var import = AnnexWordReaderTests.Read("annex3", await ThroughLibreOfficeAsync("annex3-by-hand", filler.Save()));

        var category = import.Fields.Single(f => f.Key == "projectCategory");
        Assert.Equal(ImportStatus.Unreadable, category.Status);
        Assert.Equal("拟申报计划项目类别：勾选了2个选项，只能选择一项。", category.Problem!.Message(new("zh-CN")));
        Assert.Null(Value(import, "projectCategory"));
        Assert.Equal("青瓷窑炉烟气减排共性技术", Value(import, "demandName")!.GetValue<string>());
    }
}
