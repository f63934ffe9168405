using System.Globalization;
using Jiebang.Domain.Identifiers;

namespace Jiebang.Domain.Tests.Identifiers;

public sealed class ResidentIdTests
{
    static readonly DateOnly Today = new(2025, 6, 1);

    static string Only(string input) => Assert.Single(ResidentId.Check(input, Today)).Code;

    static ResidentId Parse(string input)
    {
        Assert.True(ResidentId.TryParse(input, Today, out var id));
        return id!;
    }

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 Appendix: Beijing Chaoyang, woman born 1949-12-31
    [InlineData("440524188001010014")] // Appendix: Guangdong Shantou, man born 1880-01-01
    public void Check_StandardWorkedExamples_AreValid(string id) => Assert.Empty(ResidentId.Check(id, Today));

    [Fact]
    public void CheckCharacter_StandardWorkedExamples_AreXAnd4()
    {
        Assert.Equal('X', ResidentId.CheckCharacter("11010519491231002"));
        Assert.Equal('4', ResidentId.CheckCharacter("44052418800101001"));
    }

    [Theory]
    [InlineData("330106199003071236")]
    [InlineData("330103198504120645")] // Xiacheng district, abolished in 2021: old codes stay valid
    [InlineData("330104198504120641")] // Jianggan district, likewise
    [InlineData("610101200002290024")] // born on a leap day
    public void Check_ValidNumbersOfOurOwn_HaveNoFindings(string id) => Assert.Empty(ResidentId.Check(id, Today));

    [Theory]
    [InlineData(" 11010519491231002x ", "11010519491231002X")]
    [InlineData("110105 19491231 002X", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [InlineData("110105\u300019491231002X", "11010519491231002X")]
    public void Normalize_SpacesFullWidthAndLowerCaseX_AreFolded(string input, string expected)
    {
        Assert.Equal(expected, ResidentId.Normalize(input));
        Assert.Empty(ResidentId.Check(input, Today));
    }

    [Theory]
    [InlineData("", "ID_REQUIRED")]
    [InlineData("   ", "ID_REQUIRED")]
    [InlineData("110105491231002", "ID_FIRST_GENERATION")]
    [InlineData("1101051949123100", "ID_LENGTH")]
    [InlineData("11010519491231002X1", "ID_LENGTH")]
    [InlineData("11010519491231O02X", "ID_CHARACTER")]  // letter O for zero
    [InlineData("1101051949123100X2", "ID_CHARACTER")]  // X only in the last place
    [InlineData("11010519491231-02X", "ID_CHARACTER")]
    [InlineData("990105194912310021", "ID_PROVINCE")]
    [InlineData("010105194912310021", "ID_PROVINCE")]
    [InlineData("110105194902300021", "ID_BIRTH_DATE")]  // 30 February
    [InlineData("110105190002290021", "ID_BIRTH_DATE")]  // 1900 was no leap year
    [InlineData("110105194913010021", "ID_BIRTH_DATE")]  // month 13
    [InlineData("330106202506020043", "ID_BIRTH_DATE_FUTURE")] // the day after Today
    [InlineData("110105194912310021", "ID_CHECK")]
    [InlineData("440524188001010015", "ID_CHECK")]
    public void Check_EachBrokenRule_HasItsOwnCode(string id, string expected) => Assert.Equal(expected, Only(id));

    [Fact]
    public void Check_BornToday_IsValid()
    {
        var id = "33010620250601004" + ResidentId.CheckCharacter("33010620250601004");
        Assert.Empty(ResidentId.Check(id, Today));
        Assert.Equal("ID_BIRTH_DATE_FUTURE", Assert.Single(ResidentId.Check(id, Today.AddDays(-1))).Code);
    }

    [Fact]
    public void Check_WrongCheckCharacter_MessageNamesExpectedCharacter()
    {
        var error = Assert.Single(ResidentId.Check("110105194912310021", Today));
        Assert.Equal("居民身份证号码：第18位校验码为“1”，按规则应为“X”，请核对是否录入有误（GB 11643-1999 第5.5条）。",
            error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("should be 'X'", error.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Check_FirstGenerationNumber_AsksForThe18DigitOne()
    {
        var error = Assert.Single(ResidentId.Check("110105491231002", Today));
        Assert.Contains("18位", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Parse_WorkedExamples_GiveBirthDateAndSex()
    {
        var woman = Parse("11010519491231002X");
        Assert.Equal(new DateOnly(1949, 12, 31), woman.BirthDate);
        Assert.False(woman.IsMale);
        var man = Parse("440524188001010014");
        Assert.Equal(new DateOnly(1880, 1, 1), man.BirthDate);
        Assert.True(man.IsMale);
        Assert.Equal("440524", man.AddressCode);
    }

    [Fact]
    public void Mask_ValidNumber_KeepsFirstFourAndLastFour()
    {
        var id = Parse("33010619850405064x");
        Assert.Equal("3301**********064X", id.Mask());
        Assert.Equal("3301**********064X", id.ToString());
    }

    [Fact]
    public void TryParse_InvalidNumber_GivesNull()
    {
        Assert.False(ResidentId.TryParse("110105194912310021", Today, out var id));
        Assert.Null(id);
    }
}
