using System.Globalization;
using Jiebang.Domain.Eligibility;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Eligibility;

public sealed class RetirementAgeTests
{
    const RetirementCategory Man = RetirementCategory.Man;
    const RetirementCategory Woman55 = RetirementCategory.WomanCadre55;
    const RetirementCategory Woman50 = RetirementCategory.WomanWorker50;

    static StatutoryRetirement Of(string birthMonth, RetirementCategory category) =>
        RetirementAge.Of(DateOnly.ParseExact(birthMonth + "-15", "yyyy-MM-dd", CultureInfo.InvariantCulture), category);

    [Theory] // the published examples
    [InlineData("1965-01", Man, "2025-02", 60, 1)]
    [InlineData("1971-01", Man, "2032-08", 61, 7)]
    [InlineData("1971-05", Man, "2033-01", 61, 8)]
    [InlineData("1971-04", Woman55, "2026-08", 55, 4)]
    [InlineData("1984-11", Woman50, "2039-11", 55, 0)]
    public void Of_PublishedExamples_MatchTheMeasures(string birth, RetirementCategory category, string month, int years, int months)
    {
        var retirement = Of(birth, category);
        Assert.Equal(month, retirement.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Equal(1, retirement.Month.Day);
        Assert.Equal((years, months), (retirement.AgeYears, retirement.AgeMonths));
    }

    [Theory] // the month before the first affected one keeps the old age
    [InlineData("1964-12", Man, "2024-12", 60, 0)]
    [InlineData("1969-12", Woman55, "2024-12", 55, 0)]
    [InlineData("1974-12", Woman50, "2024-12", 50, 0)]
    [InlineData("1950-06", Man, "2010-06", 60, 0)]
    public void Of_BornBeforeFirstAffectedMonth_HasNoDelay(string birth, RetirementCategory category, string month, int years, int months)
    {
        var retirement = Of(birth, category);
        Assert.Equal(month, retirement.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Equal((years, months), (retirement.AgeYears, retirement.AgeMonths));
    }

    [Theory]
    [InlineData("1965-04", Man, 60, 1)]  // four birth months share one month of delay
    [InlineData("1965-05", Man, 60, 2)]
    [InlineData("1970-01", Woman55, 55, 1)]
    [InlineData("1975-01", Woman50, 50, 1)]
    [InlineData("1975-02", Woman50, 50, 1)] // two birth months share one month of delay
    [InlineData("1975-03", Woman50, 50, 2)]
    public void Of_FirstAffectedMonths_DelayStepByStep(string birth, RetirementCategory category, int years, int months) =>
        Assert.Equal((years, months), (Of(birth, category).AgeYears, Of(birth, category).AgeMonths));

    [Theory] // the final age is reached at the cohort in the table, and stays there
    [InlineData("1976-08", Man, 62, 11)]
    [InlineData("1976-09", Man, 63, 0)]
    [InlineData("1990-01", Man, 63, 0)]
    [InlineData("1981-08", Woman55, 57, 11)]
    [InlineData("1981-09", Woman55, 58, 0)]
    [InlineData("1995-01", Woman55, 58, 0)]
    [InlineData("1984-09", Woman50, 54, 11)]
    [InlineData("1984-11", Woman50, 55, 0)]
    [InlineData("1990-01", Woman50, 55, 0)]
    public void Of_FinalAgeCohorts_ReachAndKeepTheMostDelay(string birth, RetirementCategory category, int years, int months) =>
        Assert.Equal((years, months), (Of(birth, category).AgeYears, Of(birth, category).AgeMonths));

    [Theory]
    [InlineData("1955-03", "2025-03")]
    [InlineData("1971-05", "2041-05")]
    public void Of_Academician_RetiresAtSeventy(string birth, string month) =>
        Assert.Equal(month, Of(birth, RetirementCategory.Academician).Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    [Theory] // man born 1971-01 retires in 2032-08: the project must end by 2032-07-31
    [InlineData("2032-07-31", false)]
    [InlineData("2032-08-01", true)]
    [InlineData("2032-12-31", true)]
    [InlineData("2027-12-31", false)]
    public void ReachesRetirementWithin_ProjectEnd_ComparedWithFirstDayOfRetirementMonth(string endsOn, bool expected)
    {
        var end = DateOnly.ParseExact(endsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected, RetirementAge.ReachesRetirementWithin(new DateOnly(1971, 1, 20), Man, end));
    }

    [Fact]
    public void CheckLeader_RetiresWithinProject_WarnsWithMonthAndAge()
    {
        var finding = RetirementAge.CheckLeader(new DateOnly(1971, 4, 3), Woman55, new DateOnly(2027, 12, 31));
        Assert.NotNull(finding);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("LEADER_REACHES_RETIREMENT", finding.Code);
        var message = finding.Message(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.StartsWith("项目负责人：将于2026年8月达到法定退休年龄（55岁4个月）", message);
        Assert.Contains("in 2026-08", finding.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void CheckLeader_ProjectEndsBeforeRetirementMonth_HasNoFinding() =>
        Assert.Null(RetirementAge.CheckLeader(new DateOnly(1971, 4, 3), Woman55, new DateOnly(2026, 7, 31)));
}
