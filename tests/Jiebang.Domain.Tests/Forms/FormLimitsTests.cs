using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class FormLimitsTests
{
    [Fact]
    public void Check_TextPastTheCeilingInAnUnknownKey_IsAnErrorNamingTheLimit()
    {
        var values = ValidForms.Annex2();
        values["notOnTheForm"] = new string('a', FormLimits.MaxTextChars + 1);
        var error = Assert.Single(FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan));
        Assert.Equal(("FORM_TEXT_OVER_CEILING", "notOnTheForm"), (error.Code, error.Field));
        Assert.Equal("notOnTheForm：每项文字最多20000字符，当前为20001字符。请精简或作为附件上传。",
            error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(FormLimits.MaxTextChars + 1, values["notOnTheForm"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Check_TextExactlyAtTheCeiling_IsNotRefusedByIt()
    {
        var values = ValidForms.Annex2();
        values["notOnTheForm"] = new string('a', FormLimits.MaxTextChars);
        Assert.Empty(FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan));
    }

    [Fact]
    public void WhyNot_TableWithMoreRowsThanTheCeiling_NamesTheTable()
    {
        var rows = new JsonArray([.. Enumerable.Range(0, FormLimits.MaxRows + 1).Select(_ => (JsonNode)new JsonObject())]);
        var error = FormLimits.WhyNot(new JsonObject { ["targets"] = rows });
        Assert.Equal(("FORM_ROWS_OVER_CEILING", "targets"), (error!.Code, error.Field));
        Assert.Contains("200", error.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void WhyNot_TooManyKeysOrALongKey_IsRefused()
    {
        var many = new JsonObject();
        for (var i = 0; i <= FormLimits.MaxKeys; i++) many[$"k{i}"] = "x";
        Assert.Equal("FORM_KEYS_OVER_CEILING", FormLimits.WhyNot(many)!.Code);
        Assert.Equal("FORM_KEY_OVER_CEILING", FormLimits.WhyNot(new JsonObject { [new string('k', 65)] = "x" })!.Code);
    }

    [Fact]
    public void WhyNotText_NameOverTheGivenLimit_IsRefused()
    {
        Assert.Empty(FormLimits.WhyNotTexts(("name", "单位名称", "Unit name", new string('名', 100), 100)));
        var error = Assert.Single(FormLimits.WhyNotTexts(("name", "单位名称", "Unit name", new string('名', 101), 100)));
        Assert.Equal("单位名称：每项文字最多100字符，当前为101字符。请精简或作为附件上传。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }
}
