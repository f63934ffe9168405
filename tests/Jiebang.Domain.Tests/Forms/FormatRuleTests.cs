using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class FormatRuleTests
{
    static readonly FormDefinition Form = TestForm.With(
        TestForm.Field("email", FieldType.Email, "电子邮箱"),
        TestForm.Field("phone", FieldType.Phone, "联系电话"),
        TestForm.Field("signedOn", FieldType.Date, "日期"));

    static IReadOnlyList<Rules.RuleError> Check(string key, string value) =>
        FormCheck.Check(Form, new JsonObject { [key] = value }, null);

    [Theory]
    [InlineData("2191290347@qq.com")]
    [InlineData("sun.liang@longquan.gov.cn")]
    [InlineData(" sun@qq.com ")]
    public void Email_Address_IsAccepted(string email) => Assert.Empty(Check("email", email));

    [Theory]
    [InlineData("sun@qq")]
    [InlineData("sun qq.com")]
    [InlineData("sun@@qq.com")]
    [InlineData("a@b@qq.com")]
    [InlineData("孙亮＠qq.com")]
    [InlineData("sun@qq..com")]
    public void Email_NotAnAddress_IsAFormatError(string email)
    {
        var error = Assert.Single(Check("email", email));
        Assert.Equal(("FORM_EMAIL_FORMAT", "email"), (error.Code, error.Field));
    }

    [Fact]
    public void Phone_BadNumber_GivesThePhoneRuleAtTheField()
    {
        var error = Assert.Single(Check("phone", "87654321"));
        Assert.Equal(("PHONE_AREA_CODE_MISSING", "phone"), (error.Code, error.Field));
    }

    [Fact]
    public void Phone_Empty_IsNotCheckedWhenOptional() => Assert.Empty(Check("phone", " "));

    [Theory]
    [InlineData("2024-04-15", true)]
    [InlineData("2024-02-30", false)]
    [InlineData("2024年4月15日", false)]
    public void Date_Iso_IsTheOnlyFormat(string date, bool valid) => Assert.Equal(valid, Check("signedOn", date).Count == 0);
}
