using System.Globalization;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Rounds;

public sealed class RoundLimitsTests
{
    static readonly LocalizedText Label = new("截止时间", "Closing time");

    [Fact]
    public void Format_InstantTooLateForChinaTime_ShowsTheLatestInsteadOfThrowing()
    {
        var endOfTime = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.Equal("9999-12-31 23:59 (UTC+8)", ChinaTime.Format(endOfTime));
    }

    [Theory]
    [InlineData(1999, 12, 31, 23, 59, true)]
    [InlineData(2000, 1, 1, 0, 0, false)]
    [InlineData(2100, 12, 31, 23, 59, false)]
    [InlineData(2101, 1, 1, 0, 0, true)]
    public void Instant_AtTheEdgesOfTheWindow_IsRefusedOnlyOutsideIt(int year, int month, int day, int hour, int minute, bool refused)
    {
        var error = RoundLimits.Instant(ChinaTime.At(year, month, day, hour, minute), "closesAt", Label, "notice §4.3");
        Assert.Equal(refused, error is not null);
    }

    [Fact]
    public void Instant_OutOfRange_NamesTheFieldInBothLanguages()
    {
        var error = RoundLimits.Instant(ChinaTime.At(9999, 12, 31), "closesAt", Label, "notice §4.3")!;
        Assert.Equal("ROUND_DATE_OUT_OF_RANGE", error.Code);
        Assert.StartsWith("截止时间：", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("9999-12-31", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.StartsWith("Closing time:", error.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Theory]
    [InlineData(-0.01, true)]
    [InlineData(0, false)]
    [InlineData(1_000_000, false)]
    [InlineData(1_000_000.01, true)]
    public void Amount_OutsideZeroToTheCeiling_IsRefused(double amount, bool refused) =>
        Assert.Equal(refused, RoundLimits.Amount((decimal)amount, "caps", Label, "annex 4 §1") is not null);
}
