using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;

namespace Jiebang.Domain.Tests.Proposals;

/// <summary>A proposal's way up through the recommending levels [annex 4 §3.2, §4.2].</summary>
public sealed class ProposalLevelsTests
{
    const int County = 10, City = 20;
    static readonly DateTimeOffset Now = ChinaTime.At(2024, 3, 20, 10, 0);
    static readonly FilingWindow Open = new(ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30));
    static readonly FilingActor Applicant = new("applicant", 1), CountyStaff = new("county", County), CityStaff = new("city", City);

    static Proposal SubmittedThroughCounty()
    {
        var proposal = Proposal.Start(1, 1, ProposalTarget.InCategory("科技成果转移转化"), "proposal", 1, Now);
        Assert.Null(proposal.SaveDraft("""{"projectName":"示例"}""", "示例", County, Now));
        Assert.Null(proposal.Submit(Open, [], Applicant, Now));
        return proposal;
    }

    [Fact]
    public void Submit_ArrivesAtTheFirstLevel_Pending()
    {
        var proposal = SubmittedThroughCounty();
        Assert.Equal(County, proposal.HolderUnitId);
        Assert.Equal((1, LevelDecision.Pending), (proposal.CurrentLevel!.Level, proposal.CurrentLevel.Decision));
    }

    [Fact]
    public void Forward_FromTheCounty_ArrivesAtTheCity_AndFromTheCity_ReachesTheBureau()
    {
        var proposal = SubmittedThroughCounty();
        Assert.Null(proposal.Recommend(County, false, 40_000_000, "同意", CountyStaff, Now));
        Assert.Null(proposal.Forward(County, City, CountyStaff, Now));
        Assert.Equal((City, 2, ProposalStatus.Submitted), (proposal.HolderUnitId, proposal.CurrentLevel!.Level, proposal.Status));
        Assert.False(proposal.HasLeftRecommender);

        Assert.Equal("RECOMMENDATION_NOT_AT_THIS_LEVEL", proposal.Recommend(County, false, 0, null, CountyStaff, Now)!.Code);
        Assert.Null(proposal.Recommend(City, false, 40_000_000, null, CityStaff, Now));
        Assert.Null(proposal.Forward(City, null, CityStaff, Now));
        Assert.Equal(ProposalStatus.Recommended, proposal.Status);
        Assert.Null(proposal.HolderUnitId);
        Assert.True(proposal.HasLeftRecommender);
        Assert.All(proposal.Levels, l => Assert.True(l.IsForwarded));
    }

    [Fact]
    public void Forward_WithoutARecommendation_OrTwice_IsRefused()
    {
        var proposal = SubmittedThroughCounty();
        Assert.Equal("RECOMMENDATION_NOT_RECOMMENDED", proposal.Forward(County, City, CountyStaff, Now)!.Code);
        proposal.Recommend(County, false, 0, null, CountyStaff, Now);
        Assert.Null(proposal.Forward(County, null, CountyStaff, Now));
        Assert.Equal("RECOMMENDATION_NOT_AT_THIS_LEVEL", proposal.Forward(County, null, CountyStaff, Now)!.Code);
    }

    [Fact]
    public void Return_OnlyAtTheFirstLevel_AndResubmitArrivesThereAgain()
    {
        var proposal = SubmittedThroughCounty();
        proposal.Recommend(County, false, 0, null, CountyStaff, Now);
        proposal.Forward(County, City, CountyStaff, Now);
        Assert.Equal("RECOMMENDATION_RETURN_ONLY_AT_FIRST_LEVEL", proposal.Return(City, "请修改", CityStaff, Now)!.Code);

        var other = SubmittedThroughCounty();
        Assert.Equal("PROPOSAL_REASON_REQUIRED", other.Return(County, " ", CountyStaff, Now)!.Code);
        Assert.Null(other.Return(County, "请补充预算说明", CountyStaff, Now));
        Assert.Equal((ProposalStatus.Returned, (int?)null), (other.Status, other.HolderUnitId));
        Assert.Null(other.SaveDraft("""{"projectName":"示例（修改）"}""", "示例（修改）", County, Now));
        Assert.Null(other.Submit(Open, [], Applicant, Now));
        Assert.Equal((County, LevelDecision.Pending), (other.HolderUnitId, other.CurrentLevel!.Decision));
        Assert.Single(other.Levels);
    }

    [Fact]
    public void Withdraw_AfterTheLevelRecommended_IsRefused_Before_IsAllowed()
    {
        var recommended = SubmittedThroughCounty();
        recommended.Recommend(County, false, 0, null, CountyStaff, Now);
        Assert.Equal("PROPOSAL_NOT_WITHDRAWABLE", recommended.Withdraw(Open, Applicant, Now)!.Code);

        var pending = SubmittedThroughCounty();
        Assert.Null(pending.Withdraw(Open, Applicant, Now));
        Assert.Null(pending.HolderUnitId);
    }

    [Fact]
    public void Undo_FreesTheDecisionUntilTheBatchGoesUp()
    {
        var proposal = SubmittedThroughCounty();
        proposal.Recommend(County, true, 1_000_000, null, CountyStaff, Now);
        Assert.Null(proposal.UndoRecommendation(County, CountyStaff, Now));
        Assert.Equal((LevelDecision.Pending, false), (proposal.CurrentLevel!.Decision, proposal.CurrentLevel.UsesIncentive));
        proposal.Recommend(County, true, 1_000_000, null, CountyStaff, Now);
        proposal.Forward(County, City, CountyStaff, Now);
        Assert.True(proposal.CarriesIncentive);
        Assert.Equal("RECOMMENDATION_NOT_AT_THIS_LEVEL", proposal.UndoRecommendation(County, CountyStaff, Now)!.Code);
    }

    [Fact]
    public void Reject_StopsTheProposalAtThatLevel()
    {
        var proposal = SubmittedThroughCounty();
        Assert.Null(proposal.Reject(County, "不符合本县产业方向", CountyStaff, Now));
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.Equal("RECOMMENDATION_NOT_AT_THIS_LEVEL", proposal.Recommend(County, false, 0, null, CountyStaff, Now)!.Code);
    }

    [Theory]
    [InlineData("331181", "331100", true)]   // 龙泉市 → 丽水市
    [InlineData("330102", "330100", true)]   // 上城区 → 杭州市
    [InlineData("331100", null, false)]      // 丽水市 → the bureau running the call
    public void Above_ACountyBureau_IsItsCitysBureau(string region, string? city, bool hasAbove)
    {
        RecommendingUnit[] recommenders = [new(1, UnitType.ScienceBureau, "331100"), new(2, UnitType.ScienceBureau, "330100")];
        var above = RecommendationLevels.Above(new RecommendingUnit(9, UnitType.ScienceBureau, region), recommenders);
        Assert.Equal(hasAbove, above is not null);
        if (city is not null) Assert.Equal(city, above!.RegionCode);
        Assert.Null(RecommendationLevels.Above(new RecommendingUnit(9, UnitType.Association, "331181"), recommenders));
    }

    [Fact]
    public void Quota_TheCityHoldsIt_NotTheCountyUnderIt_UnlessTheCountyReportsToTheProvinceItself()
    {
        var settings = RoundPresets.CentralGuidanceFund2024.Settings;
        var longquan = new RecommendingUnit(9, UnitType.ScienceBureau, "331181");
        Assert.Null(QuotaStanding.LimitFor(settings, longquan, hasLevelAbove: true));
        Assert.Equal(10, QuotaStanding.LimitFor(settings, longquan, hasLevelAbove: false));
        Assert.Equal(10, QuotaStanding.LimitFor(settings, new RecommendingUnit(8, UnitType.ScienceBureau, "331100"), hasLevelAbove: false));
    }

    [Theory]
    [InlineData(500, 0, 500, null)]                                  // exactly the amount
    [InlineData(500, 0, 500.000001, "RECOMMENDATION_INCENTIVE_AMOUNT_EXCEEDED")] // one fen more
    [InlineData(500, 2, 1, "RECOMMENDATION_INCENTIVE_ITEMS_FULL")]
    public void Incentive_ByCountAndAmount(decimal amount, int used, decimal subsidy, string? code)
    {
        var standing = new QuotaStanding(10, 0, new IncentiveQuota { RegionCode = "331181", Items = 2, AmountWan = amount }, used, 0);
        Assert.Equal(code, standing.WhyNotTake(true, QuotaStanding.ToFen(subsidy))?.Code);
    }
}
