using System.Globalization;
using Jiebang.Domain.Identifiers;

namespace Jiebang.Domain.Tests.Identifiers;

public sealed class PhoneNumberTests
{
    static PhoneNumber Parse(string input)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone), string.Join(" ", PhoneNumber.Check(input)));
        return phone!;
    }

    static string Only(string input) => Assert.Single(PhoneNumber.Check(input)).Code;

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-13812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("(+86) 138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData(" 13812345678 ")]
    public void Parse_MobileWrittenAnyWay_GivesElevenDigits(string input)
    {
        var phone = Parse(input);
        Assert.True(phone.IsMobile);
        Assert.Equal("13812345678", phone.Value);
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    public void Parse_NewerMobilePrefixes_AreMobile(string input) => Assert.Equal(PhoneKind.Mobile, Parse(input).Kind);

    [Theory]
    [InlineData("0571-87654321", "0571-87654321")]
    [InlineData("0571 8765 4321", "0571-87654321")]
    [InlineData("057187654321", "0571-87654321")]
    [InlineData("(0571)87654321", "0571-87654321")]
    [InlineData("（０５７１）８７６５４３２１", "0571-87654321")]
    [InlineData("0571－8765－4321", "0571-87654321")]
    [InlineData("+86 571 8765 4321", "0571-87654321")]
    [InlineData("010-62345678", "010-62345678")]
    [InlineData("02087654321", "020-87654321")]
    [InlineData("0580-2345678", "0580-2345678")] // seven-digit local number
    public void Parse_LandlineWrittenAnyWay_GivesAreaCodeAndLocalNumber(string input, string expected)
    {
        var phone = Parse(input);
        Assert.Equal(PhoneKind.Landline, phone.Kind);
        Assert.Equal(expected, phone.Value);
    }

    [Theory]
    [InlineData("0571-87654321-8001")]
    [InlineData("0571-87654321转8001")]
    [InlineData("0571 87654321 分机 8001")]
    [InlineData("0571-87654321 ext. 8001")]
    [InlineData("0571-87654321x8001")]
    [InlineData("0571-87654321#8001")]
    public void Parse_LandlineWithExtension_KeepsExtension(string input)
    {
        var phone = Parse(input);
        Assert.Equal("0571", phone.AreaCode);
        Assert.Equal("87654321", phone.Number);
        Assert.Equal("8001", phone.Extension);
        Assert.Equal("0571-87654321-8001", phone.Value);
    }

    [Theory]
    [InlineData("", "PHONE_REQUIRED")]
    [InlineData("  ", "PHONE_REQUIRED")]
    [InlineData("+1 650 253 0000", "PHONE_NOT_MAINLAND")]
    [InlineData("138-1234-567a", "PHONE_CHARACTER")]
    [InlineData("87654321", "PHONE_AREA_CODE_MISSING")]
    [InlineData("1381234567", "PHONE_MOBILE_LENGTH")]
    [InlineData("138123456789", "PHONE_MOBILE_LENGTH")]
    [InlineData("12812345678", "PHONE_MOBILE_PREFIX")]
    [InlineData("13812345678转1", "PHONE_MOBILE_EXTENSION")]
    [InlineData("0171-87654321", "PHONE_AREA_CODE")]
    [InlineData("0571-876543", "PHONE_LANDLINE_LENGTH")]
    [InlineData("0571-876543210", "PHONE_LANDLINE_LENGTH")]
    [InlineData("0571", "PHONE_LANDLINE_LENGTH")]
    [InlineData("0571-07654321", "PHONE_LOCAL_NUMBER")]
    [InlineData("0571-87654321转1234567", "PHONE_EXTENSION")]
    public void Check_EachBrokenRule_HasItsOwnCode(string input, string expected) => Assert.Equal(expected, Only(input));

    [Fact]
    public void Check_MobileLength_MessageNamesFieldInChinese()
    {
        var message = Assert.Single(PhoneNumber.Check("1381234567")).Message(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Equal("电话号码：手机号码应为11位，当前为10位（《电信网编号计划（2017年版）》）。", message);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0571-87654321", "0571-****4321")]
    [InlineData("0580-2345678", "0580-****678")]
    [InlineData("010-62345678", "010-****5678")]
    [InlineData("0571-87654321-8001", "0571-****4321-8001")]
    public void Mask_ValidNumber_HidesFourDigits(string input, string expected) => Assert.Equal(expected, Parse(input).Mask());

    [Fact]
    public void Normalize_InvalidNumber_GivesInputTrimmed() => Assert.Equal("12345", PhoneNumber.Normalize(" 12345 "));

    [Fact]
    public void Check_WithTheFieldsLabel_NamesTheFieldInBothLanguages()
    {
        var error = Assert.Single(PhoneNumber.Check("1390578123", "contactPhone", new Jiebang.Domain.Rules.LocalizedText("联系方式", "Contact phone")));
        Assert.StartsWith("联系方式：手机号码应为11位", error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.StartsWith("Contact phone:", error.Message(System.Globalization.CultureInfo.GetCultureInfo("en-US")));
    }
}
