using System.Globalization;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Regions;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class SelfFundingRuleTests
{
    const string Yongjia = "330324";   // on the 2024-08 list, off the 2025-05 one
    const string Pingyang = "330326";  // a mountain county of 2022, off the 2024-08 list
    const string Dinghai = "330902";   // an island county, on neither later list

    [Fact]
    public void Check_EnterpriseAtExactly80Percent_Passes() =>
        Assert.Null(Check(Valid().WithBudget(200m, 800m)).Find(ProposalErrors.SelfFundingBelowShare));

    [Fact]
    public void Check_EnterpriseAt79Point99Percent_IsAnErrorNamingTheShares()
    {
        var finding = Check(Valid().WithBudget(200.1m, 799.9m)).Find(ProposalErrors.SelfFundingBelowShare);
        Assert.NotNull(finding);
        Assert.Equal("budget.selfFunding", finding.Field);
        Assert.Equal("自筹经费：企业牵头的项目自筹经费比例不低于总预算的80%，现为79.99%（自筹799.9万元，总预算1000万元）（附件4第二条第（二）项）。",
            finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Check_EnterpriseOneFenBelow80Percent_IsAnError() =>
        Assert.NotNull(Check(Valid().WithBudget(200m + Money.Fen, 800m - Money.Fen)).Find(ProposalErrors.SelfFundingBelowShare));

    [Fact]
    public void Check_LongquanEnterpriseAt60Percent_PassesAndBelowFails()
    {
        var longquan = Valid() with { UnitRegionCode = Longquan };
        Assert.Null(Check(longquan.WithBudget(200m, 300m)).Find(ProposalErrors.SelfFundingBelowShare));
        Assert.NotNull(Check(longquan.WithBudget(200.01m, 299.99m)).Find(ProposalErrors.SelfFundingBelowShare));
    }

    [Fact]
    public void Check_AgriculturalEnterpriseAt60Percent_Passes()
    {
        var farm = Valid() with { IsAgricultural = true };
        Assert.Null(Check(farm.WithBudget(200m, 300m)).Find(ProposalErrors.SelfFundingBelowShare));
        Assert.NotNull(Check(farm.WithBudget(200m, 299.99m)).Find(ProposalErrors.SelfFundingBelowShare));
    }

    [Theory] // a county that left the list between two versions: the round's version decides
    [InlineData(Yongjia, MountainIslandLists.MountainIsland202408, false)]
    [InlineData(Yongjia, MountainIslandLists.MountainIsland202505, true)]
    [InlineData(Pingyang, MountainIslandLists.Mountain26Of2022, false)]
    [InlineData(Pingyang, MountainIslandLists.MountainIsland202408, true)]
    [InlineData(Dinghai, MountainIslandLists.Mountain26Of2022, false)]
    [InlineData(Dinghai, MountainIslandLists.MountainIsland202505, true)]
    [InlineData(Longquan, MountainIslandLists.MountainIsland202505, false)]
    public void Check_EnterpriseAt60PercentInACountyOnOneListVersion_FollowsTheRoundsVersion(string county, string version, bool refused)
    {
        var facts = (Valid() with { UnitRegionCode = county }).WithBudget(200m, 300m);
        var finding = Check(facts, Round(Preset2024 with { RegionListVersion = version })).Find(ProposalErrors.SelfFundingBelowShare);
        Assert.Equal(refused, finding is not null);
    }

    [Fact]
    public void Preset2024_UsesThe2022MountainList() =>
        Assert.Equal(MountainIslandLists.Mountain26Of2022, Preset2024.RegionListVersion);

    [Theory]
    [InlineData(LeadUnitKind.University)]
    [InlineData(LeadUnitKind.ResearchInstitute)]
    [InlineData(LeadUnitKind.OtherPublicInstitution)]
    public void Check_PublicInstitutionSelfFundingEqualToSubsidy_PassesAndOneFenLessFails(LeadUnitKind kind)
    {
        var facts = Valid() with { UnitKind = kind };
        Assert.Empty(Check(facts.WithBudget(200m, 200m)));
        var finding = Check(facts.WithBudget(200m, 200m - Money.Fen)).Find(ProposalErrors.SelfFundingBelowSubsidy);
        Assert.Equal("budget.selfFunding", finding?.Field);
        Assert.Null(Check(facts.WithBudget(200m, 200m - Money.Fen)).Find(ProposalErrors.SelfFundingBelowShare));
    }

    [Fact]
    public void Check_UnknownListVersion_IsReported()
    {
        var round = Round(Preset2024 with { RegionListVersion = "mountain_2030" });
        Assert.Equal("round.regionListVersion", Check(Valid(), round).Find(ProposalErrors.RegionListUnknown)?.Field);
    }
}
