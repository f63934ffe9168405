using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class ChoiceRuleTests
{
    static IReadOnlyList<Rules.RuleError> Annex1With(string key, JsonNode? value)
    {
        var values = ValidForms.Annex1();
        values[key] = value;
        return FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial);
    }

    [Theory]
    [InlineData("advancedLevel", "domesticLeading")]
    [InlineData("advancedLevel", "internationalAdvanced")]
    [InlineData("resultNature", "frontierHighGround")]
    public void SingleChoice_AnOption_IsAccepted(string key, string value) => Assert.Empty(Annex1With(key, value));

    [Fact]
    public void SingleChoice_ValueNotAnOption_IsUnknownAndListsTheOptions()
    {
        var error = Assert.Single(Annex1With("advancedLevel", "国内领先"));
        Assert.Equal(("FORM_CHOICE_UNKNOWN", "advancedLevel"), (error.Code, error.Field));
        Assert.Equal("技术先进水平：“国内领先”不是可选项（可选：国内领先、国际先进）。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void MultipleChoice_AllFiveLevels_AreAccepted() => Assert.Empty(Annex1With("targetLevels", new JsonArray(
        "leadingUncharted", "matchInternational", "exceedInternational", "substituteSampleApplied", "substituteMassProduction")));

    [Fact]
    public void MultipleChoice_OneUnknownValue_IsReportedOnce()
    {
        var error = Assert.Single(Annex1With("targetLevels", new JsonArray("leadingUncharted", "worldFirst")));
        Assert.Equal(("FORM_CHOICE_UNKNOWN", "targetLevels", "worldFirst"), (error.Code, error.Field, error.Args[1]));
    }

    [Fact]
    public void MultipleChoice_NoneChosen_IsRequired() =>
        Assert.Equal("FORM_REQUIRED", Assert.Single(Annex1With("targetLevels", new JsonArray())).Code);

    [Fact]
    public void MultipleChoice_AStringInsteadOfAnArray_IsInvalid() =>
        Assert.Equal("FORM_VALUE_INVALID", Assert.Single(Annex1With("targetLevels", "leadingUncharted")).Code);

    [Fact]
    public void PlatformLevel_NameGivenWithoutLevel_IsRequired()
    {
        var error = Assert.Single(Annex1With("platformLevel", null));
        Assert.Equal(("FORM_REQUIRED", "platformLevel"), (error.Code, error.Field));
    }

    [Fact]
    public void PlatformLevel_NoPlatformAtAll_IsNotRequired()
    {
        var values = ValidForms.Annex1();
        values.Remove("platformName");
        values.Remove("platformLevel");
        values.Remove("platformCertifier");
        Assert.Empty(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial));
    }
}
