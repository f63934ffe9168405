using Jiebang.Domain.Demands;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Tests.Demands;

public sealed class DemandTests
{
    static readonly RoundWindow Round = new(ChinaTime.At(2024, 3, 14), ChinaTime.At(2024, 4, 15, 17, 30));
    static readonly DateTimeOffset During = ChinaTime.At(2024, 4, 1, 9, 0);

    static Demand Draft(DemandKind kind = DemandKind.EnterpriseOwn, int? recommender = null, string values = """{"demandName":"高导热陶瓷"}""")
    {
        var demand = Demand.Start(1, 10, "annex2", 1, kind, recommender, During);
        Assert.Null(demand.SaveDraft(values, new DemandSummary("高导热陶瓷", "新材料", "高分子材料", ""), kind, recommender, During));
        return demand;
    }

    [Fact]
    public void Submit_OpenRound_FreezesVersionOneWithAReceipt()
    {
        var demand = Draft();
        Assert.Null(demand.Submit(Round, false, "u1", 10, During));
        Assert.Equal(DemandStatus.Submitted, demand.Status);
        var version = Assert.Single(demand.Versions);
        Assert.Equal(1, version.Number);
        Assert.EndsWith("-1", version.ReceiptNumber);
        Assert.True(demand.AwaitsBureau);
    }

    [Fact]
    public void Submit_SameContentTwice_MakesOneVersion()
    {
        var demand = Draft();
        Assert.Null(demand.Submit(Round, false, "u1", 10, During));
        Assert.Null(demand.Submit(Round, false, "u1", 10, During.AddSeconds(1)));
        Assert.Single(demand.Versions);
    }

    [Fact]
    public void Submit_AtTheDeadline_IsRefusedNamingItInChinaTime()
    {
        var error = Draft().Submit(Round, false, "u1", 10, ChinaTime.At(2024, 4, 15, 17, 30));
        Assert.Equal("DEMAND_ROUND_CLOSED", error!.Code);
        Assert.Contains("2024-04-15 17:30", error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Submit_WithBlockingFindings_IsRefusedAndKeepsTheDraft()
    {
        var demand = Draft();
        Assert.Equal("DEMAND_HAS_ERRORS", demand.Submit(Round, true, "u1", 10, During)!.Code);
        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Contains("高导热陶瓷", demand.DraftJson);
    }

    [Fact]
    public void Submit_IndustryCommonNeedWithoutRecommender_IsRefused() =>
        Assert.Equal("DEMAND_RECOMMENDER_REQUIRED", Draft(DemandKind.IndustryCommon).Submit(Round, false, "u1", 10, During)!.Code);

    [Fact]
    public void Withdraw_BeforeDeadline_ReturnsToDraft_AfterDeadlineIsRefused()
    {
        var demand = Draft();
        demand.Submit(Round, false, "u1", 10, During);
        Assert.Equal("DEMAND_ROUND_CLOSED", demand.Withdraw(Round, "u1", 10, ChinaTime.At(2024, 4, 16))!.Code);
        Assert.Null(demand.Withdraw(Round, "u1", 10, During));
        Assert.Equal(DemandStatus.Draft, demand.Status);
    }

    [Fact]
    public void ThroughRecommender_ScreenForwardAccept_KeepsEveryStepInHistory()
    {
        var demand = Draft(DemandKind.IndustryCommon, recommender: 20);
        demand.Submit(Round, false, "u1", 10, During);
        Assert.True(demand.AwaitsRecommender);
        Assert.Equal("DEMAND_NOT_AWAITING_BUREAU", demand.Review(ScreeningDecision.Accept, null, "staff", 1, During)!.Code);
        Assert.Null(demand.Screen(ScreeningDecision.Accept, null, "r1", 20, During));
        Assert.Null(demand.Forward(7, "r1", 20, During));
        Assert.True(demand.AwaitsBureau);
        Assert.Null(demand.Review(ScreeningDecision.Accept, null, "staff", 1, During));
        Assert.Equal(DemandStatus.Accepted, demand.Status);
        Assert.Equal(
            [DemandStatus.Submitted, DemandStatus.Recommended, DemandStatus.ForwardedToBureau, DemandStatus.Accepted],
            demand.Events.Select(e => e.To));
    }

    [Fact]
    public void Return_WithoutReason_IsRefused_WithReasonLetsTheOwnerResubmitAVersionTwo()
    {
        var demand = Draft();
        demand.Submit(Round, false, "u1", 10, During);
        Assert.Equal("DEMAND_REASON_REQUIRED", demand.Review(ScreeningDecision.Return, " ", "staff", 1, During)!.Code);
        Assert.Null(demand.Review(ScreeningDecision.Return, "请补充核心技术参数", "staff", 1, During));
        Assert.Equal(DemandStatus.Returned, demand.Status);
        Assert.Equal("请补充核心技术参数", demand.Events[^1].Reason);

        Assert.Null(demand.SaveDraft("""{"demandName":"高导热陶瓷基板"}""", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, During));
        Assert.Null(demand.Submit(Round, false, "u1", 10, During));
        Assert.Equal([1, 2], demand.Versions.Select(v => v.Number));
        Assert.NotEqual(demand.Versions[0].ContentHash, demand.Versions[1].ContentHash);
    }

    [Fact]
    public void SaveDraft_AfterSubmit_IsRefused() =>
        Assert.Equal("DEMAND_NOT_EDITABLE", SubmittedDemand().SaveDraft("{}", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, During)!.Code);

    static Demand SubmittedDemand()
    {
        var demand = Draft();
        demand.Submit(Round, false, "u1", 10, During);
        return demand;
    }
}
