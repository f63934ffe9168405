using System.Globalization;
using Jiebang.Domain.Eligibility;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

/// <summary>The 2024 preset's project ends on 2026-05-31.</summary>
public sealed class LeaderRuleTests
{
    static ProposalFacts Led(string birth, bool male, bool academician = false,
        RetirementCategory woman = RetirementCategory.WomanCadre55) =>
        Valid() with
        {
            Leader = new LeaderFacts
            {
                Name = "李四", IdNumber = Id(birth, male), IsAcademician = academician, WomanCategory = woman,
            },
        };

    [Fact]
    public void Preset2024_ProjectEndsOn20260531() => Assert.Equal(new DateOnly(2026, 5, 31), Preset2024.ProjectEndsOn);

    [Fact] // born 1966-02: 60 years + 4 months of delay → 2026-06, the month after the project's end
    public void Check_ManRetiringTheMonthAfterTheEnd_Passes()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), RetirementAge.Of(new DateOnly(1966, 2, 10), RetirementCategory.Man).Month);
        Assert.Null(Check(Led("1966-02-10", male: true)).Find(ProposalErrors.LeaderRetiresWithinProject));
    }

    [Fact] // born 1966-01: 60 years + 4 months → 2026-05, the month the project ends
    public void Check_ManRetiringInTheEndMonth_IsAnErrorWithoutTheCommitmentLetter()
    {
        var finding = Check(Led("1966-01-31", male: true)).Find(ProposalErrors.LeaderRetiresWithinProject);
        Assert.NotNull(finding);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("leader.idNumber", finding.Field);
        Assert.Equal("项目负责人：李四将于2026年5月达到法定退休年龄（60岁4个月），在项目实施期内（项目结束日期2026-05-31），"
            + "原则上不得申报；确需申报的，应上传单位出具的承诺书（如返聘、延迟退休）（附件4第三条第（一）项第2点）。",
            finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Check_RetiringWithinTheProjectWithTheCommitmentLetter_IsAWarning()
    {
        var facts = Led("1966-01-31", male: true) with { HasCommitmentLetter = true };
        Assert.Equal(Severity.Warning, Check(facts).Find(ProposalErrors.LeaderRetiresWithinProject)?.Severity);
        Assert.DoesNotContain(Check(facts), f => f.IsError);
    }

    [Theory] // an academician retires at 70: born 1956-06 → 2026-06 passes, 1956-05 → 2026-05 does not
    [InlineData("1956-06-01", false)]
    [InlineData("1956-05-31", true)]
    public void Check_Academician_RetiresAt70(string birth, bool refused)
    {
        var finding = Check(Led(birth, male: true, academician: true)).Find(ProposalErrors.LeaderRetiresWithinProject);
        Assert.Equal(refused, finding is not null);
        Assert.NotNull(Check(Led(birth, male: true)).Find(ProposalErrors.LeaderRetiresWithinProject));
    }

    [Theory] // a woman's schedule follows her post: born 1971-04, 55 → 2026-08 passes, 50 → long retired
    [InlineData(RetirementCategory.WomanCadre55, false)]
    [InlineData(RetirementCategory.WomanWorker50, true)]
    public void Check_WomanByHerPost(RetirementCategory post, bool refused) =>
        Assert.Equal(refused, Check(Led("1971-04-20", male: false, woman: post)).Find(ProposalErrors.LeaderRetiresWithinProject) is not null);

    [Fact]
    public void Check_NotAnEmployee_NeedsTheAuthorizationLetter()
    {
        var outsider = Valid() with { Leader = Valid().Leader with { IsEmployee = false } };
        Assert.Equal("leader.isEmployee", Check(outsider).Find(ProposalErrors.LeaderNotEmployee)?.Field);
        Assert.Empty(Check(outsider with { HasAuthorizationLetter = true }));
    }

    [Fact]
    public void Check_LeaderOfAnOngoingCentralGuidanceProject_IsAnError()
    {
        var facts = Valid() with { Leader = Valid().Leader with { LeadsOngoingCentralGuidanceProject = true } };
        Assert.Equal(Severity.Error, Check(facts).Find(ProposalErrors.LeaderOngoingCentralGuidance)?.Severity);
    }

    [Fact]
    public void Check_LeaderOfAProvincialProjectThisYear_IsAWarning()
    {
        var facts = Valid() with { Leader = Valid().Leader with { LeadsProvincialProjectThisYear = true } };
        Assert.Equal(Severity.Warning, Check(facts).Find(ProposalErrors.LeaderProvincialProjectThisYear)?.Severity);
    }

    [Fact]
    public void Check_LeaderIdWithWrongCheckCharacter_ReportsTheIdRule()
    {
        var id = Id("1975-06-15", male: true);
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        var facts = Valid() with { Leader = Valid().Leader with { IdNumber = wrong } };
        Assert.Equal("leader.idNumber", Assert.Single(Check(facts), f => f.Code == "ID_CHECK").Field);
    }
}
