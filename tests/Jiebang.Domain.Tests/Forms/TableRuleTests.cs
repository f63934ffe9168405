using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

public sealed class TableRuleTests
{
    static JsonObject Parameter(int i) => new() { ["benchmarkValue"] = $"精度{i}", ["developedValue"] = $"精度{i}+" };

    static JsonObject Unit(int i, string phone = "13812345678") =>
        new() { ["unit"] = $"单位{i}", ["contact"] = $"联系人{i}", ["phone"] = phone };

    static IReadOnlyList<RuleError> Annex1With(string key, JsonArray rows)
    {
        var values = ValidForms.Annex1();
        values[key] = rows;
        return FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial);
    }

    [Fact]
    public void CoreParameters_ThreeRows_AreTooFew()
    {
        var error = Assert.Single(Annex1With("coreParameters", [Parameter(1), Parameter(2), Parameter(3)]));
        Assert.Equal(("FORM_TABLE_TOO_FEW_ROWS", "coreParameters"), (error.Code, error.Field));
        Assert.Equal("核心技术参数：至少填写5项，当前为3项。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void CoreParameters_FiveRowsAmongEmptyOnes_AreEnough() => Assert.Empty(Annex1With("coreParameters",
        [Parameter(1), new JsonObject(), Parameter(2), Parameter(3), new JsonObject { ["benchmarkValue"] = " ", ["developedValue"] = "" },
            Parameter(4), Parameter(5), null]));

    [Fact]
    public void CoreParameters_EmptyRows_DoNotCountTowardTheMinimum()
    {
        var error = Assert.Single(Annex1With("coreParameters",
            [Parameter(1), Parameter(2), Parameter(3), Parameter(4), new JsonObject(), new JsonObject { ["developedValue"] = "" }]));
        Assert.Equal(4, error.Args[2]);
    }

    [Fact]
    public void CoreParameters_RowWithOneValue_NeedsTheOther()
    {
        var half = new JsonObject { ["benchmarkValue"] = "转速 3000 rpm" };
        var error = Assert.Single(Annex1With("coreParameters", [Parameter(1), Parameter(2), half, Parameter(3), Parameter(4)]));
        Assert.Equal(("FORM_REQUIRED", "coreParameters[2].developedValue"), (error.Code, error.Field));
        Assert.Equal("核心技术参数第3行的研发产品（技术）：必填。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void ApplicationUnits_TwoUnits_AreTooFew()
    {
        var error = Assert.Single(Annex1With("applicationUnits", [Unit(1), Unit(2)]));
        Assert.Equal("攻关成果潜在的应用单位及联系方式：至少填写3项，当前为2项。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void ApplicationUnits_NoRowsAtAll_AreTooFew() =>
        Assert.Equal("FORM_TABLE_TOO_FEW_ROWS", Assert.Single(Annex1With("applicationUnits", [])).Code);

    [Fact]
    public void ApplicationUnits_BadPhoneInARow_IsReportedAtTheCell()
    {
        var error = Assert.Single(Annex1With("applicationUnits", [Unit(1), Unit(2, "1381234567"), Unit(3)]));
        Assert.Equal(("PHONE_MOBILE_LENGTH", "applicationUnits[1].phone"), (error.Code, error.Field));
    }

    [Fact]
    public void ApplicationUnits_LandlineWithAreaCode_IsAccepted() =>
        Assert.Empty(Annex1With("applicationUnits", [Unit(1, "0578-7223456"), Unit(2, "0571-87654321-8001"), Unit(3)]));

    [Fact]
    public void Table_RowThatIsNotAnObject_IsInvalid() =>
        Assert.Contains(Annex1With("applicationUnits", [Unit(1), Unit(2), Unit(3), "单位4"]),
            e => e is { Code: "FORM_VALUE_INVALID", Field: "applicationUnits[3]" });

    [Fact]
    public void Table_MoreRowsThanTheMaximum_AreTooMany()
    {
        var table = TestForm.Field("items", FieldType.Table, "明细") with
        {
            MaxRows = 2,
            Columns = [TestForm.Field("name", FieldType.Text, "名称")],
        };
        var rows = new JsonArray(new JsonObject { ["name"] = "a" }, new JsonObject { ["name"] = "b" }, new JsonObject { ["name"] = "c" });
        var error = Assert.Single(FormCheck.Check(TestForm.With(table), new JsonObject { ["items"] = rows }, null));
        Assert.Equal("明细：最多填写2项，当前为3项。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }
}
