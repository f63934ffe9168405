using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

public sealed class YearSpanRuleTests
{
    static IReadOnlyList<RuleError> Annex1With(JsonNode? years)
    {
        var values = ValidForms.Annex1();
        values["duration"] = years;
        return FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Duration_OneToThreeYears_IsAccepted(int years) => Assert.Empty(Annex1With(years));

    [Fact]
    public void Duration_NumericString_IsAccepted() => Assert.Empty(Annex1With("2"));

    [Fact]
    public void Duration_FourYears_IsNotAllowed()
    {
        var error = Assert.Single(Annex1With(4));
        Assert.Equal(("FORM_YEARS_NOT_ALLOWED", "duration"), (error.Code, error.Field));
        Assert.Equal("攻关时限：只能选择1、2、3年，当前为“4”。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("两年")]
    public void Duration_NotAWholeAllowedYear_IsNotAllowed(string years) =>
        Assert.Equal("FORM_YEARS_NOT_ALLOWED", Assert.Single(Annex1With(years)).Code);

    [Fact]
    public void Duration_Missing_IsRequired() => Assert.Equal("FORM_REQUIRED", Assert.Single(Annex1With(null)).Code);
}
