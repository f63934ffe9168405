using System.Globalization;
using Jiebang.Domain.Identifiers;

namespace Jiebang.Domain.Tests.Identifiers;

public sealed class UsccTests
{
    static string Only(string input) => Assert.Single(Uscc.Check(input)).Code;

    [Fact]
    public void Check_StandardWorkedExample_IsValid() => Assert.Empty(Uscc.Check("91350100M000100Y43"));

    [Fact]
    public void CheckCharacter_StandardWorkedExample_SumIs1640AndCheckIs3() =>
        Assert.Equal('3', Uscc.CheckCharacter("91350100M000100Y4"));

    [Theory]
    [InlineData("91331181MA2E0T3K5K")] // enterprise registered in Longquan
    [InlineData("12330000470003265U")] // public institution, province-level registration
    [InlineData("52331181MA28J1D23W")] // private non-enterprise unit
    [InlineData("11331181002578922W")] // government organ: valid code, never an applicant
    [InlineData("913311811000001390")] // check character 0: needs the outer mod 31
    public void Check_ValidCodes_HaveNoFindings(string code) => Assert.Empty(Uscc.Check(code));

    [Theory]
    [InlineData(" 9133 1181-MA2E0T3K5K ")]
    [InlineData("91331181ma2e0t3k5k")]
    [InlineData("９１３３１１８１ＭＡ２Ｅ０Ｔ３Ｋ５Ｋ")]
    public void Check_SpacesHyphensLowerCaseAndFullWidth_AreNormalisedFirst(string code)
    {
        Assert.Empty(Uscc.Check(code));
        Assert.Equal("91331181MA2E0T3K5K", Uscc.Normalize(code));
    }

    [Theory]
    [InlineData("", "USCC_REQUIRED")]
    [InlineData("9133118130745618", "USCC_LENGTH")]
    [InlineData("91331181MA2E0T3K5KX", "USCC_LENGTH")]
    [InlineData("91331181MA2E0I3K5K", "USCC_CHARACTER")]     // I is not in the alphabet
    [InlineData("91331181MA2E0O3K5K", "USCC_CHARACTER")]     // nor O
    [InlineData("81331181MA2E0T3K5K", "USCC_AUTHORITY")]     // 8 is no registration authority
    [InlineData("94331181MA2E0T3K5K", "USCC_ORG_TYPE")]      // 9 has types 1, 2, 3 only
    [InlineData("Y2331181MA2E0T3K5K", "USCC_ORG_TYPE")]      // Y has type 1 only
    [InlineData("91991181MA2E0T3K5K", "USCC_DIVISION")]      // 99 is no province
    [InlineData("91331181MA2E0T3K4K", "USCC_ORG_CODE_CHECK")] // organisation code check digit 4, not 5
    [InlineData("91331181MA2E0T3K5L", "USCC_CHECK")]
    [InlineData("91350100M000100Y44", "USCC_CHECK")]
    public void Check_EachBrokenRule_HasItsOwnCode(string code, string expected) => Assert.Equal(expected, Only(code));

    [Fact]
    public void Check_WrongCheckCharacter_MessageNamesExpectedCharacterInChinese()
    {
        var error = Assert.Single(Uscc.Check("91331181MA2E0T3K5L"));
        var message = error.Message(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Contains("统一社会信用代码", message);
        Assert.Contains("“K”", message);
        Assert.Contains("check character", error.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Parse_GovernmentOrganPrefix_IsFlagged()
    {
        Assert.True(Uscc.TryParse("11331181002578922W", out var organ));
        Assert.True(organ!.IsGovernmentOrgan);
        Assert.True(Uscc.TryParse("12330000470003265U", out var institution));
        Assert.False(institution!.IsGovernmentOrgan);
        Assert.True(institution.IsRegisteredInZhejiang);
    }
}
