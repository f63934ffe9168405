using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

/// <summary>
/// Annex 4 of the notice: the 绩效目标申报表, whose indicators the form prints already named, and the
/// 拟支持项目建议表 of the recommending department.
/// </summary>
public sealed class Annex4FormTests
{
    static readonly FormDefinition Performance = SeedData.Form("annex4-performance");
    static readonly FormDefinition ProposalTable = SeedData.Form("annex4-table");
    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    static IReadOnlyList<PresetRow> Presets => Performance.Field("indicators")!.PresetRows!;

    static int Row(string level3) => Presets.Select((p, i) => (p, i)).First(x => x.p.Cells.GetValueOrDefault("level3") == level3).i;

    static int OpenRow(string group) => Presets.Select((p, i) => (p, i)).First(x => x.p.IsOpen && x.p.Cells["level2"] == group).i;

    static JsonObject Values(Action<JsonArray> fill, string total = "1000", string central = "300")
    {
        var rows = new JsonArray([.. Presets.Select(_ => (JsonNode)new JsonObject())]);
        fill(rows);
        return new JsonObject
        {
            ["projectName"] = "龙泉青瓷全国重点实验室建设", ["leadUnit"] = "浙江龙泉青瓷研究院",
            ["totalBudget"] = total, ["centralSubsidy"] = central,
            ["overallGoal"] = "建成重点实验室。", ["yearGoal"] = "完成基础条件建设。", ["indicators"] = rows,
        };
    }

    static IReadOnlyList<RuleError> Check(JsonObject values) => FormCheck.Check(Performance, values, null);

    [Fact]
    public void Performance_ListsTheIndicatorsOfTheSeedInOrder()
    {
        Assert.Equal(23, Presets.Count);
        Assert.Equal(("产出指标", "数量指标", "支持自由探索类基础研究项目数量", "个"),
            (Presets[0].Cells["level1"], Presets[0].Cells["level2"], Presets[0].Cells["level3"], Presets[0].Unit));
        Assert.Equal(("满意度指标", "服务对象满意度", "被服务对象满意度", "%"),
            (Presets[^1].Cells["level1"], Presets[^1].Cells["level2"], Presets[^1].Cells["level3"], Presets[^1].Unit));
        Assert.Equal(3, Presets.Count(p => p.IsOpen));
    }

    [Fact]
    public void Performance_ValuesForSomeIndicators_AreEnough()
    {
        var values = Values(rows =>
        {
            rows[Row("转化科技成果数量")]!["target"] = "15";
            rows[OpenRow("数量指标")]!["level3"] = "制定团体标准数量";
            rows[OpenRow("数量指标")]!["target"] = "2项";
        });
        Assert.Empty(Check(values));
    }

    [Fact]
    public void Performance_NoIndicatorFilled_IsTooFew()
    {
        var error = Assert.Single(Check(Values(_ => { })));
        Assert.Equal(("FORM_TABLE_TOO_FEW_ROWS", "indicators"), (error.Code, error.Field));
    }

    [Fact]
    public void Performance_OwnIndicatorWithoutAName_NamesTheRowAndTheColumn()
    {
        var at = OpenRow("经济效益指标");
        var error = Assert.Single(Check(Values(rows => rows[at]!["target"] = "500")));
        Assert.Equal(("FORM_REQUIRED", $"indicators[{at}].level3"), (error.Code, error.Field));
        Assert.Equal($"绩效指标第{at + 1}行的三级指标：必填。", error.Message(Zh));
    }

    [Fact]
    public void Performance_ListedIndicator_CannotBeRenamed()
    {
        var at = Row("转化科技成果数量");
        var error = Assert.Single(Check(Values(rows =>
        {
            rows[at]!["level3"] = "申请专利数量";
            rows[at]!["target"] = "3";
        })));
        Assert.Equal(("FORM_TABLE_PRESET_FIXED", $"indicators[{at}].level3"), (error.Code, error.Field));
        Assert.Equal("绩效指标“转化科技成果数量”的三级指标：表格已列明为“转化科技成果数量”，不能修改。", error.Message(Zh));
    }

    [Fact]
    public void Performance_ListedIndicatorRepeatedAsPrinted_IsAccepted() => Assert.Empty(Check(Values(rows =>
    {
        var at = Row("资金使用及时率");
        rows[at]!["level1"] = "产出指标";
        rows[at]!["level3"] = "资金使用及时率 ";
        rows[at]!["target"] = "100";
    })));

    [Fact]
    public void Performance_CentralSubsidyAboveTheTotalBudget_IsAnError()
    {
        var error = Assert.Single(Check(Values(rows => rows[0]!["target"] = "5", total: "300", central: "300.01")));
        Assert.Equal(("FORM_AMOUNT_EXCEEDS_WHOLE", "centralSubsidy"), (error.Code, error.Field));
        Assert.Equal("其中：中央补助：300.01万元超过了总预算（300万元），其中数不能大于总数。", error.Message(Zh));
        Assert.Empty(Check(Values(rows => rows[0]!["target"] = "5", total: "300", central: "300")));
    }

    [Fact]
    public void Performance_RowsPastTheListed_AreTheFilersOwnAndNeedEveryColumn()
    {
        var values = Values(rows => rows[0]!["target"] = "5");
        ((JsonArray)values["indicators"]!).Add(new JsonObject { ["level1"] = "效益指标", ["level3"] = "新增就业人数", ["target"] = "30人" });
        var error = Assert.Single(Check(values));
        Assert.Equal(("FORM_REQUIRED", $"indicators[{Presets.Count}].level2"), (error.Code, error.Field));
    }

    [Fact]
    public void ProposalTable_NeedsTheUnitAndAtLeastOneCompleteProject()
    {
        var empty = FormCheck.Check(ProposalTable, new JsonObject(), null);
        Assert.Contains(empty, e => e is { Code: "FORM_REQUIRED", Field: "recommenderName" });
        Assert.Contains(empty, e => e is { Code: "FORM_TABLE_TOO_FEW_ROWS", Field: "projects" });

        var values = new JsonObject
        {
            ["recommenderName"] = "丽水市科学技术局",
            ["projects"] = new JsonArray(new JsonObject
            {
                ["projectName"] = "丽水国家创新型城市建设", ["leadUnit"] = "丽水市生产力促进中心", ["supportContent"] = "转化科技成果50项以上。",
                ["proposedFunding"] = "300", ["selfFunding"] = "-1",
            }),
        };
        var error = Assert.Single(FormCheck.Check(ProposalTable, values, null));
        Assert.Equal(("FORM_AMOUNT_NEGATIVE", "projects[0].selfFunding"), (error.Code, error.Field));
    }

    [Fact]
    public void PresetRows_NamingAnUnknownColumn_MakeTheDefinitionUnusable()
    {
        var json = """
            {"key": "x", "version": 1, "titleZh": "x", "titleEn": "x", "clause": "x", "fields": [
              {"key": "t", "type": "table", "labelZh": "t", "labelEn": "t", "columns": [
                {"key": "name", "type": "text", "labelZh": "n", "labelEn": "n"}, {"key": "value", "type": "text", "labelZh": "v", "labelEn": "v"}],
               "presetRows": [{"cells": {"nmae": "a"}}]}]}
            """;
        Assert.Contains("unknown column nmae", Assert.Throws<FormatException>(() => FormDefinition.Parse(json)).Message);
    }
}
