using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Demands;

public sealed class DemandTests
{
    static readonly FilingWindow Round = new(ChinaTime.At(2024, 3, 14), ChinaTime.At(2024, 4, 15, 17, 30));
    static readonly DateTimeOffset During = ChinaTime.At(2024, 4, 1, 9, 0);
    static readonly FilingActor Owner = new("u1", 10);
    static readonly FilingActor Recommender = new("r1", 20);
    static readonly FilingActor Staff = new("staff", 1);
    static readonly IReadOnlyList<RuleError> NoFindings = [];

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
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
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
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During.AddSeconds(1)));
        Assert.Single(demand.Versions);
    }

    [Fact]
    public void Submit_AtTheDeadline_IsRefusedNamingItInChinaTime()
    {
        var error = Draft().Submit(Round, NoFindings, Owner, ChinaTime.At(2024, 4, 15, 17, 30));
        Assert.Equal("DEMAND_ROUND_CLOSED", error!.Code);
        Assert.Contains("2024-04-15 17:30", error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Submit_WithBlockingFindings_IsRefusedAndKeepsTheDraft()
    {
        var demand = Draft();
        var blocking = FormErrors.TextTooLong.AtClause(Clause.Annex(2), "demandName", "需求名称", 500, 501);
        Assert.Equal("DEMAND_HAS_ERRORS", demand.Submit(Round, [blocking], Owner, During)!.Code);
        Assert.Equal(DemandStatus.Draft, demand.Status);
        Assert.Contains("高导热陶瓷", demand.DraftJson);
    }

    [Fact]
    public void Submit_WithOnlyWarnings_FreezesAVersion()
    {
        var demand = Draft();
        Assert.Null(demand.Submit(Round, [FormErrors.TextLongerThanAbout.WarningAtClause(Clause.Annex(2), "demandName", "需求名称", 30, 31)], Owner, During));
        Assert.Equal(DemandStatus.Submitted, demand.Status);
    }

    [Fact]
    public void Rules_IndustryCommonNeedWithoutRecommender_FindAnErrorThatBlocksSubmit()
    {
        var demand = Draft(DemandKind.IndustryCommon);
        var findings = DemandRules.Check(demand, filedByRecommender: false);
        Assert.Equal("DEMAND_RECOMMENDER_REQUIRED", Assert.Single(findings).Code);
        Assert.Equal("DEMAND_HAS_ERRORS", demand.Submit(Round, findings, Owner, During)!.Code);
    }

    [Fact]
    public void Rules_IndustryCommonNeedOnARecommendersOwnForm_FindNothing() =>
        Assert.Empty(DemandRules.Check(Draft(DemandKind.IndustryCommon), filedByRecommender: true));

    [Fact]
    public void Withdraw_BeforeDeadline_IsWithdrawnAndEditable_AfterDeadlineIsRefused()
    {
        var demand = Draft();
        demand.Submit(Round, NoFindings, Owner, During);
        Assert.Equal("DEMAND_ROUND_CLOSED", demand.Withdraw(Round, Owner, ChinaTime.At(2024, 4, 16))!.Code);
        Assert.Null(demand.Withdraw(Round, Owner, During));
        Assert.Equal(DemandStatus.Withdrawn, demand.Status);
        Assert.True(demand.IsEditable);
        var withdrawn = demand.Events[^1];
        Assert.Equal((DemandStatus.Submitted, DemandStatus.Withdrawn, "u1"), (withdrawn.From, withdrawn.To, withdrawn.ActorUserId));
    }

    [Fact]
    public void Withdraw_AfterTheRecommenderActed_IsRefused()
    {
        var demand = Draft(DemandKind.IndustryCommon, recommender: 20);
        demand.Submit(Round, NoFindings, Owner, During);
        demand.Screen(ScreeningDecision.Accept, null, Recommender, During);
        Assert.Equal("DEMAND_NOT_WITHDRAWABLE", demand.Withdraw(Round, Owner, During)!.Code);
    }

    [Fact]
    public void Submit_AfterWithdrawing_MakesVersionTwo()
    {
        var demand = Draft();
        demand.Submit(Round, NoFindings, Owner, During);
        demand.Withdraw(Round, Owner, During);
        Assert.Null(demand.SaveDraft("""{"demandName":"高导热陶瓷基板"}""", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, During));
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
        Assert.Equal((DemandStatus.Submitted, 2), (demand.Status, demand.Versions.Count));
    }

    [Fact]
    public void ThroughRecommender_ScreenForwardAccept_KeepsEveryStepInHistory()
    {
        var demand = Draft(DemandKind.IndustryCommon, recommender: 20);
        demand.Submit(Round, NoFindings, Owner, During);
        Assert.True(demand.AwaitsRecommender);
        Assert.Equal("DEMAND_NOT_AWAITING_BUREAU", demand.Accept(ScreeningDecision.Accept, null, Staff, During)!.Code);
        Assert.Null(demand.Screen(ScreeningDecision.Accept, null, Recommender, During));
        Assert.Null(demand.Forward(7, Recommender, During));
        Assert.True(demand.AwaitsBureau);
        Assert.Null(demand.Accept(ScreeningDecision.Accept, null, Staff, During));
        Assert.Equal(DemandStatus.Accepted, demand.Status);
        Assert.Equal(
            [DemandStatus.Submitted, DemandStatus.Recommended, DemandStatus.ForwardedToBureau, DemandStatus.Accepted],
            demand.Events.Select(e => e.To));
    }

    [Fact]
    public void Return_WithoutReason_IsRefused_WithReasonLetsTheOwnerResubmitAVersionTwo()
    {
        var demand = Draft();
        demand.Submit(Round, NoFindings, Owner, During);
        Assert.Equal("DEMAND_REASON_REQUIRED", demand.Accept(ScreeningDecision.Return, " ", Staff, During)!.Code);
        Assert.Null(demand.Accept(ScreeningDecision.Return, "请补充核心技术参数", Staff, During));
        Assert.Equal(DemandStatus.Returned, demand.Status);
        Assert.Equal("请补充核心技术参数", demand.Events[^1].Reason);

        Assert.Null(demand.SaveDraft("""{"demandName":"高导热陶瓷基板"}""", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, During));
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
        Assert.Equal([1, 2], demand.Versions.Select(v => v.Number));
        Assert.NotEqual(demand.Versions[0].ContentHash, demand.Versions[1].ContentHash);
    }

    [Fact]
    public void SaveDraft_AfterSubmit_IsRefused() =>
        Assert.Equal("DEMAND_NOT_EDITABLE", SubmittedDemand().SaveDraft("{}", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, During)!.Code);

    static Demand SubmittedDemand()
    {
        var demand = Draft();
        demand.Submit(Round, NoFindings, Owner, During);
        return demand;
    }

    [Fact]
    public void ReachedBureauAt_ForwardedThenReturnedAndResubmitted_KeepsTheForwardsTime()
    {
        var demand = Draft(DemandKind.IndustryCommon, recommender: 20);
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
        Assert.Null(demand.ReachedBureauAt);
        Assert.Null(demand.Screen(ScreeningDecision.Accept, null, Recommender, During.AddHours(1)));
        Assert.Null(demand.ReachedBureauAt);
        Assert.Null(demand.Forward(7, Recommender, During.AddHours(2)));
        Assert.Equal(During.AddHours(2), demand.ReachedBureauAt);
        Assert.Null(demand.Accept(ScreeningDecision.Return, "补充材料", Staff, During.AddHours(3)));
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During.AddHours(4)));
        Assert.Equal(During.AddHours(2), demand.ReachedBureauAt);
        Assert.True(demand.HasReachedBureau);
    }

    [Fact]
    public void ReachedBureauAt_DirectSubmitReturnedThenARecommenderChosen_IsClearedAsTheRuleHidesIt()
    {
        var demand = Draft();
        Assert.Null(demand.Submit(Round, NoFindings, Owner, During));
        Assert.Equal(During, demand.ReachedBureauAt);
        Assert.Null(demand.Accept(ScreeningDecision.Return, "补充材料", Staff, During.AddHours(1)));
        Assert.Equal(During, demand.ReachedBureauAt);
        Assert.Null(demand.SaveDraft("{}", DemandSummary.Empty, DemandKind.IndustryCommon, 20, During.AddHours(2)));
        Assert.Null(demand.ReachedBureauAt);
        Assert.False(demand.HasReachedBureau);
    }
}
