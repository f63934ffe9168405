using System.Globalization;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

public sealed class TextRuleTests
{
    // "AI芯片2024年" is 5 字 in Word: AI, 芯, 片, 2024, 年.
    static string Mixed(int times) => string.Concat(Enumerable.Repeat("AI芯片2024年", times));

    [Fact]
    public void AtMost_MixedTextOfExactlyTheLimit_IsAccepted()
    {
        var values = ValidForms.Annex2();
        values["description"] = Mixed(100);
        Assert.Empty(FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan));
    }

    [Fact]
    public void AtMost_MixedTextOverTheLimit_IsAnErrorWithTheCountAndIsNotCut()
    {
        var values = ValidForms.Annex2();
        values["description"] = Mixed(101);
        var error = Assert.Single(FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan));
        Assert.Equal(("FORM_TEXT_TOO_LONG", "description", Severity.Error), (error.Code, error.Field, error.Severity));
        Assert.Equal("技术需求描述：不超过500字，当前为505字。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Description of the technology demand: at most 500 characters (字), now 505.",
            error.Message(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(Mixed(101), values["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("background")]
    [InlineData("researchContent")]
    public void AtMost_Annex3TextOverFiveHundred_IsAnError(string key)
    {
        var values = ValidForms.Annex3();
        values[key] = new string('字', 501);
        var error = Assert.Single(FormCheck.Check(SeedData.Annex3, values, null));
        Assert.Equal(("FORM_TEXT_TOO_LONG", key), (error.Code, error.Field));
    }

    [Fact]
    public void About_TextOverTheFigure_IsOnlyAWarning()
    {
        var values = ValidForms.Annex1();
        values["background"] = Mixed(101);
        values["expectedResults"] = "研发" + new string('品', 399);
        var findings = FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Equal(["background", "expectedResults"], findings.Select(f => f.Field));
        Assert.Equal("攻关背景和意义：要求500字左右，当前为505字。", findings[0].Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void About_TextOfTheFigure_GivesNoFinding()
    {
        var values = ValidForms.Annex1();
        values["background"] = Mixed(100);
        Assert.Empty(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial));
    }
}
