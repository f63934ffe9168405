using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class TaxonomyTests
{
    [Fact]
    public void Longquan_Parsed_HasTheNoticesSevenAreas()
    {
        Assert.Equal(["互联网+", "新材料", "生命健康", "碳达峰碳中和", "热管理", "农业科技", "其他国民经济和社会发展的重大科技需求"],
            SeedData.Longquan.Areas.Select(a => a.Name));
        Assert.Equal(["新发突发重大传染病防控和生物安全", "精准医疗", "新药创制", "中医药", "高端医疗器械"],
            SeedData.Longquan.Area("生命健康")!.Directions);
        Assert.Empty(SeedData.Longquan.Area("其他国民经济和社会发展的重大科技需求")!.Directions);
    }

    [Fact]
    public void Provincial_Parsed_HasAnnex1sAreasWithFullDirectionTexts()
    {
        Assert.Equal(["互联网+", "新材料", "生命健康", "碳达峰碳中和", "海洋科技", "农业科技"],
            SeedData.Provincial.Areas.Select(a => a.Name));
        Assert.Equal(29, SeedData.Provincial.Areas.Sum(a => a.Directions.Count));
        Assert.Contains("智能装备（工业机器人、数控机床、激光与增材制造装备）", SeedData.Provincial.Area("互联网+")!.Directions);
        Assert.Contains("二氧化碳捕集利用与封存（CCUS）", SeedData.Provincial.Area("碳达峰碳中和")!.Directions);
        Assert.Contains("海洋“蓝碳”生态系统", SeedData.Provincial.Area("海洋科技")!.Directions);
    }

    [Fact]
    public void Parse_RepeatedDirection_Throws() => Assert.Throws<FormatException>(() => Taxonomy.Parse(
        """{"key":"t","titleZh":"t","areas":[{"name":"a","directions":["x","x"]}]}"""));
}
