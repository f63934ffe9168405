using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Forms;

public sealed class AmountRuleTests
{
    static IReadOnlyList<RuleError> Annex2With(JsonNode? amount)
    {
        var values = ValidForms.Annex2();
        values["totalInvestment"] = amount;
        return FormCheck.Check(SeedData.Annex2, values, SeedData.Longquan);
    }

    [Theory]
    [InlineData("12.50")]
    [InlineData("12.5")]
    [InlineData("0")]
    [InlineData(" 800 ")]
    [InlineData("12.500")] // trailing zeros add no precision
    public void Amount_NumericString_IsAccepted(string amount) => Assert.Empty(Annex2With(amount));

    [Fact]
    public void Amount_JsonNumber_IsAccepted()
    {
        Assert.Empty(Annex2With(2500));
        Assert.Empty(Annex2With(JsonNode.Parse("12.34")));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-0.01")]
    public void Amount_Negative_IsAnError(string amount) => Assert.Equal("FORM_AMOUNT_NEGATIVE", Assert.Single(Annex2With(amount)).Code);

    [Fact]
    public void Amount_NegativeJsonNumber_IsAnError() => Assert.Equal("FORM_AMOUNT_NEGATIVE", Assert.Single(Annex2With(-1)).Code);

    [Theory]
    [InlineData("12.345")]
    [InlineData("0.001")]
    public void Amount_ThreeDecimals_IsTooPrecise(string amount) =>
        Assert.Equal("FORM_AMOUNT_TOO_PRECISE", Assert.Single(Annex2With(amount)).Code);

    [Fact]
    public void Amount_ThreeDecimalJsonNumber_IsTooPrecise() =>
        Assert.Equal("FORM_AMOUNT_TOO_PRECISE", Assert.Single(Annex2With(JsonNode.Parse("1.005"))).Code);

    [Theory]
    [InlineData("五百")]
    [InlineData("500万元")]
    [InlineData("1,000")]
    [InlineData("12.5.1")]
    public void Amount_NotANumber_IsAnError(string amount)
    {
        var error = Assert.Single(Annex2With(amount));
        Assert.Equal(("FORM_AMOUNT_NOT_A_NUMBER", "totalInvestment", amount), (error.Code, error.Field, error.Args[1]));
    }

    [Fact]
    public void Amount_Annex1Proposal_IsCheckedToo()
    {
        var values = ValidForms.Annex1();
        values["totalInvestment"] = "-100";
        Assert.Equal("FORM_AMOUNT_NEGATIVE", Assert.Single(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial)).Code);
    }
}
