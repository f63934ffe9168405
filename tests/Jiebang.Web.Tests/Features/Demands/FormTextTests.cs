using System.Text.Json.Nodes;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Tests.Documents;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>Values as the read-only views, the diff and the search show them.</summary>
public sealed class FormTextTests
{
    [Fact]
    public void Table_RowsOfAnAnnex1Table_AreNumberedWithTheirColumns()
    {
        var form = Annexes.Form("annex1");
        var text = FormText.Display(form.Field("applicationUnits")!, Annexes.Annex1()["applicationUnits"]);
        Assert.StartsWith("1. 应用单位1 | 联系人1 | 0578-7223451\n2. ", text);
    }

    [Fact]
    public void PresetTable_ShowsTheListedNamesAndUnits_AndLeavesOutListedRowsNotFilled()
    {
        var form = Annexes.Form("annex4-performance");
        var text = FormText.Display(form.Field("indicators")!, Annexes.PerformanceTargets()["indicators"]);
        Assert.Equal(
            "1. 产出指标 | 数量指标 | 转化科技成果数量 | 15 项\n" +
            "2. 产出指标 | 数量指标 | 制定团体标准数量 | 2项\n" +
            "3. 产出指标 | 时效指标 | 资金使用及时率 | 100 %\n" +
            "4. 效益指标 | 经济效益指标 | 促进技术合同成交额 | 1500 万元", text);
    }

    [Fact]
    public void Amount_HasItsUnit() =>
        Assert.Equal("800.50 万元", FormText.Display(Annexes.Form("annex2").Field("totalInvestment")!, JsonValue.Create("800.50")));
}
