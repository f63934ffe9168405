using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

public sealed class AreaDirectionRuleTests
{
    static JsonObject Choice(string area, params string[] directions) =>
        new() { ["area"] = area, ["directions"] = new JsonArray([.. directions.Select(d => (JsonNode)d)]) };

    static IReadOnlyList<RuleError> Annex1With(JsonObject choice, Taxonomy? taxonomy)
    {
        var values = ValidForms.Annex1();
        values["focusArea"] = choice;
        return FormCheck.Check(SeedData.Annex1, values, taxonomy);
    }

    static IReadOnlyList<RuleError> Annex2With(JsonObject choice)
    {
        var values = ValidForms.Annex2();
        values["area"] = choice;
        return FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan);
    }

    [Fact]
    public void Provincial_DirectionWithItsSubDirections_IsAccepted() => Assert.Empty(Annex1With(
        Choice("海洋科技", "海洋工程软件", "海工装备（深海矿产资源高精度勘探装备、深海作业机械臂）"), SeedData.Provincial));

    [Fact]
    public void Provincial_DirectionWithoutItsParenthesis_IsNotInTheArea()
    {
        var error = Assert.Single(Annex1With(Choice("互联网+", "智能装备"), SeedData.Provincial));
        Assert.Equal(("FORM_DIRECTION_NOT_IN_AREA", "focusArea"), (error.Code, error.Field));
    }

    [Fact]
    public void Provincial_DirectionOfAnotherArea_IsNotInTheArea()
    {
        var error = Assert.Single(Annex1With(Choice("新材料", "合金材料", "人工智能"), SeedData.Provincial));
        Assert.Equal("重点领域和主要方向：“人工智能”不是“新材料”领域的方向。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Provincial_AreaOnlyInTheLongquanNotice_IsUnknown() =>
        Assert.Equal("FORM_AREA_UNKNOWN", Assert.Single(Annex1With(Choice("热管理", "传统汽车和新能源汽车零部件及相关方向"), SeedData.Provincial)).Code);

    [Fact]
    public void Provincial_AreaWithoutDirections_NeedsOne() =>
        Assert.Equal("FORM_DIRECTION_REQUIRED", Assert.Single(Annex1With(Choice("新材料"), SeedData.Provincial)).Code);

    [Fact]
    public void NoTaxonomy_AnyArea_IsNotChecked() => Assert.Empty(Annex1With(Choice("未知领域", "未知方向"), null));

    [Fact]
    public void Longquan_ThermalManagement_IsAccepted() =>
        Assert.Empty(Annex2With(Choice("热管理", "传统汽车和新能源汽车零部件及相关方向")));

    [Fact]
    public void Longquan_OtherAreaWithoutDirections_IsAccepted() =>
        Assert.Empty(Annex2With(Choice("其他国民经济和社会发展的重大科技需求")));

    // The notice lists each area's directions with 等 (notice §1), and annex 2 asks only for the area.
    [Fact]
    public void Longquan_DirectionOutsideTheListedOnes_IsAccepted() =>
        Assert.Empty(Annex2With(Choice("新材料", "先进半导体材料")));

    [Fact]
    public void Longquan_ListedAreaWithoutAnyDirection_IsAccepted() =>
        Assert.Empty(Annex2With(Choice("新材料")));

    [Fact]
    public void Longquan_AreaNotInTheNotice_IsStillUnknown() =>
        Assert.Equal("FORM_AREA_UNKNOWN", Assert.Single(Annex2With(Choice("海洋科技", "海洋工程软件"))).Code);

    [Fact]
    public void AreaDirection_DirectionsWithoutArea_IsRequired() =>
        Assert.Equal("FORM_REQUIRED", Assert.Single(Annex2With(Choice("", "合金材料"))).Code);

    [Fact]
    public void AreaDirection_PlainString_IsInvalid()
    {
        var values = ValidForms.Annex2();
        values["area"] = "新材料";
        Assert.Equal("FORM_VALUE_INVALID", Assert.Single(FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan)).Code);
    }
}
