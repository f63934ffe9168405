using System.Globalization;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;

namespace Jiebang.Domain.Tests.Units;

public sealed class OutsideZhejiangTests
{
    [Theory]
    [InlineData("91331181MA2BDE018F", null)]
    [InlineData("12330000470000128M", null)]
    [InlineData("91110108MA01XY2B00", "11")]
    [InlineData("9144030071526726XG", "44")]
    [InlineData("913311", null)]
    public void OutsideZhejiang_ByPositionsThreeAndFour_IsAWarningNamingThem(string uscc, string? province)
    {
        var remark = UnitRegistration.OutsideZhejiang(uscc);
        Assert.Equal(province, remark?.Args[0]);
        if (remark is null) return;
        Assert.Equal(Severity.Warning, remark.Severity);
        Assert.Contains($"第3–4位为{province}", remark.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains($"positions 3–4 are {province}", remark.Message(CultureInfo.GetCultureInfo("en-US")));
    }
}
