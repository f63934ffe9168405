using System.Text.Json;
using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class FormDefinitionTests
{
    static string[] Labels(FormDefinition form) => [.. form.Fields.Select(f => f.LabelZh)];

    [Fact]
    public void Annex1_Parsed_CarriesTheSeedsFieldsInOrder() => Assert.Equal(
        [
            "需求名称", "重点领域和主要方向", "攻关背景和意义", "科学问题", "技术问题", "攻关目标", "主要研究内容",
            "预期标志性成果及水平", "技术先进水平", "攻关成果性质", "对标国别", "对标单位", "对标产品型号", "核心技术参数",
            "攻关水平", "平台基地", "平台基地级别", "平台基地认定单位", "人才团队", "人才团队级别", "人才团队认定单位",
            "攻关时限", "建议研发总投入（万元）", "攻关成果潜在的应用单位及联系方式", "推荐攻关优势单位",
            "填报单位", "填报单位联系人", "填报单位联系方式",
        ],
        Labels(SeedData.Annex1));

    [Fact]
    public void Annex2_Parsed_CarriesTheSeedsFieldsInOrder() => Assert.Equal(
        [
            "企业名称", "所属地区", "联系人", "联系方式", "企业简介", "企业简介附页", "技术需求名称", "所属领域", "技术需求描述",
            "主要技术指标", "经济社会指标", "科技成果指标", "其他指标", "预计总投入", "拟筹资方案", "测算依据说明", "企业负责人意见",
        ],
        Labels(SeedData.Annex2));

    [Fact]
    public void Annex3_Parsed_CarriesTheSeedsFieldsInOrder() => Assert.Equal(
        [
            "推荐单位（行业协会）", "所属地区", "填报单位联系人", "联系方式", "需求名称", "背景意义", "主要研发内容",
            "拟申报计划项目类别", "主管部门审核意见",
        ],
        Labels(SeedData.Annex3));

    [Fact]
    public void Annexes_Parsed_CarryTheSeedsLimits()
    {
        Assert.Equal(500, SeedData.Annex1.Field("background")!.AboutChars);
        Assert.Equal(400, SeedData.Annex1.Field("expectedResults")!.AboutChars);
        Assert.Null(SeedData.Annex1.Field("background")!.MaxChars);
        Assert.Equal(500, SeedData.Annex2.Field("description")!.MaxChars);
        Assert.Equal(500, SeedData.Annex3.Field("background")!.MaxChars);
        Assert.Equal(500, SeedData.Annex3.Field("researchContent")!.MaxChars);
        Assert.Equal(5, SeedData.Annex1.Field("coreParameters")!.MinRows);
        Assert.Equal(3, SeedData.Annex1.Field("applicationUnits")!.MinRows);
        Assert.Equal([1, 2, 3], SeedData.Annex1.Field("duration")!.AllowedYears!);
        Assert.Equal(["领跑（无人区）技术", "达到对标国际先进技术水平", "超过对标国际先进技术水平",
            "开发出国产化替代的样品并实现应用", "开发出国产化替代的产品形成批量生产能力"],
            SeedData.Annex1.Field("targetLevels")!.Options!.Select(o => o.LabelZh));
        Assert.Equal(["公益性技术应用研究自筹类项目", "其他"], SeedData.Annex3.Field("projectCategory")!.Options!.Select(o => o.LabelZh));
    }

    [Fact]
    public void Annexes_EveryFieldAndOption_HasBothLabels()
    {
        var fields = new[] { SeedData.Annex1, SeedData.Annex2, SeedData.Annex3 }
            .SelectMany(f => f.Fields).SelectMany(f => (f.Columns ?? []).Prepend(f)).ToList();
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.LabelEn) || string.IsNullOrWhiteSpace(f.LabelZh), f.Key));
        Assert.All(fields.Where(f => f.HelpZh is not null), f => Assert.False(string.IsNullOrWhiteSpace(f.HelpEn), f.Key));
        Assert.All(fields.SelectMany(f => f.Options ?? []), o => Assert.False(string.IsNullOrWhiteSpace(o.LabelEn), o.Value));
    }

    [Fact]
    public void Annexes2And3_StampBlock_SitsUnderTheOpinion()
    {
        Assert.Equal("leaderOpinion", SeedData.Annex2.StampBlock!.AfterField);
        Assert.Equal("reviewOpinion", SeedData.Annex3.StampBlock!.AfterField);
        Assert.Null(SeedData.Annex1.StampBlock);
    }

    [Fact]
    public void Definition_Serialized_WritesCamelCaseEnumsAndReadsBack()
    {
        var json = JsonSerializer.Serialize(SeedData.Annex1, FormJson.Options);
        Assert.Contains("\"type\": \"areaDirection\"", json);
        Assert.Equal(Labels(SeedData.Annex1), Labels(FormDefinition.Parse(json)));
    }

    [Theory]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"text","labelZh":"a","labelEn":"a"},{"key":"a","type":"text","labelZh":"b","labelEn":"b"}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"singleChoice","labelZh":"a","labelEn":"a"}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"table","labelZh":"a","labelEn":"a"}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"text","labelZh":"a","labelEn":"a","section":"nowhere"}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"text","labelZh":"a","labelEn":"a","maxChar":5}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","clause":"c","fields":[{"key":"a","type":"memo","labelZh":"a","labelEn":"a"}]}""")]
    [InlineData("""{"key":"k","version":1,"titleZh":"t","titleEn":"t","fields":[]}""")]
    public void Parse_InconsistentDefinition_Throws(string json) =>
        Assert.Throws<FormatException>(() => FormDefinition.Parse(json));
}
