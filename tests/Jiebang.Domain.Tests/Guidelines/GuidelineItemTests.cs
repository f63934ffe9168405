using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Tests.Guidelines;

public sealed class GuidelineItemTests
{
    static readonly DateTimeOffset Now = ChinaTime.At(2026, 5, 1, 9);
    static readonly FilingWindow Call = new(ChinaTime.At(2026, 4, 1), ChinaTime.At(2026, 6, 1, 17, 30));

    static GuidelineItemContent Complete => new("热泵空调低温制热关键技术", "热管理", "新能源汽车零部件",
        "-20℃时COP≥1.8", "本市注册企业", SupportChannel.CityOpenCompetitionSubsidy, 200m, 24, null);

    static GuidelineItem Draft(GuidelineItemContent? content = null) =>
        GuidelineItem.Compile(1, content ?? Complete, [7, 8, 7], Now, number: 3);

    [Fact]
    public void Compile_RepeatedDemand_KeepsEachSourceOnce()
    {
        var item = Draft();
        Assert.Equal([7, 8], item.Sources.Select(s => s.DemandId));
        Assert.Equal(3, item.Number);
        Assert.Equal(GuidelineItemStatus.Draft, item.Status);
        Assert.False(item.IsPublic);
    }

    [Theory]
    [InlineData(-1, 12, "GUIDELINE_FUNDING_OUT_OF_RANGE", "fundingWan")]
    [InlineData(10_001, 12, "GUIDELINE_FUNDING_OUT_OF_RANGE", "fundingWan")]
    [InlineData(100, 0, "GUIDELINE_PERIOD_OUT_OF_RANGE", "periodMonths")]
    [InlineData(100, 61, "GUIDELINE_PERIOD_OUT_OF_RANGE", "periodMonths")]
    public void TryEdit_OutOfRange_NamesTheFieldAndKeepsTheOldContent(int funding, int months, string code, string field)
    {
        var item = Draft();
        var errors = item.TryEdit(Complete with { FundingWan = funding, PeriodMonths = months }, Call, Now);
        var error = Assert.Single(errors);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.Equal(200m, item.FundingWan);
        Assert.StartsWith(code == "GUIDELINE_FUNDING_OUT_OF_RANGE" ? "支持经费" : "实施期限", error.Message(new("zh-CN")));
    }

    [Fact]
    public void TryEdit_DeadlineAfterTheCallCloses_IsRefused()
    {
        var errors = Draft().TryEdit(Complete with { Deadline = Call.ClosesAt.AddMinutes(1) }, Call, Now);
        Assert.Equal("GUIDELINE_DEADLINE_OUTSIDE_CALL", Assert.Single(errors).Code);
        Assert.Empty(Draft().TryEdit(Complete with { Deadline = Call.ClosesAt }, Call, Now));
    }

    [Fact]
    public void TryEdit_DraftWithoutName_IsSaved_PublishedWithoutName_IsRefused()
    {
        var item = Draft();
        Assert.Empty(item.TryEdit(Complete with { Name = " " }, Call, Now));
        Assert.Equal("GUIDELINE_NAME_REQUIRED", Assert.Single(item.WhyNotPublish()).Code);

        item.TryEdit(Complete, Call, Now);
        item.Publish(Now);
        Assert.Equal("GUIDELINE_NAME_REQUIRED", Assert.Single(item.TryEdit(Complete with { Name = "" }, Call, Now)).Code);
        Assert.Equal(Complete.Name, item.Name);
    }

    [Fact]
    public void TryEdit_PublishedAfterTheCallClosed_IsRefused()
    {
        var item = Draft();
        item.Publish(Now);
        var error = Assert.Single(item.TryEdit(Complete with { Name = "新名称" }, Call, Call.ClosesAt));
        Assert.Equal("GUIDELINE_CALL_CLOSED", error.Code);
    }

    [Fact]
    public void Withdraw_Published_StaysPublicWithItsReason_AndIsFrozen()
    {
        var item = Draft();
        item.Publish(Now);
        Assert.Equal("GUIDELINE_WITHDRAW_REASON_REQUIRED", item.Withdraw("  ", Now)?.Code);
        Assert.Null(item.Withdraw("需求单位已自行解决", Now));
        Assert.True(item.IsPublic);
        Assert.Equal(GuidelineItemStatus.Withdrawn, item.Status);
        Assert.Equal("GUIDELINE_WITHDRAWN", item.Withdraw("again", Now)?.Code);
        Assert.Equal("GUIDELINE_WITHDRAWN", Assert.Single(item.TryEdit(Complete, Call, Now)).Code);
    }

    [Fact]
    public void CallPublication_IncompleteDraft_NamesTheItemAndTheField()
    {
        var incomplete = Draft(Complete with { Goals = "", Channel = 0 });
        var errors = CallPublication.Check(RoundKind.ProposalCall, Call, [incomplete], alreadyPublished: false, Now);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("CALL_ITEM_INCOMPLETE", e.Code));
        Assert.Contains("攻关目标及考核指标", errors[0].Message(new("zh-CN")));
        Assert.Contains("第3项", errors[0].Message(new("zh-CN")));
    }

    [Fact]
    public void CallPublication_Refusals()
    {
        Assert.Equal("CALL_NOT_A_PROPOSAL_CALL", Single(RoundKind.DemandSolicitation, Call, [Draft()], Now));
        Assert.Equal("CALL_NO_ITEMS", Single(RoundKind.ProposalCall, Call, [], Now));
        Assert.Equal("CALL_CLOSED", Single(RoundKind.ProposalCall, Call, [Draft()], Call.ClosesAt));
        Assert.Empty(CallPublication.Check(RoundKind.ProposalCall, Call, [Draft()], false, Now));
        var published = Draft();
        CallPublication.Publish([published], Now);
        Assert.Equal("CALL_NOTHING_TO_PUBLISH", Assert.Single(CallPublication.Check(RoundKind.ProposalCall, Call, [published], true, Now)).Code);
    }

    static string Single(RoundKind kind, FilingWindow window, IReadOnlyList<GuidelineItem> items, DateTimeOffset now) =>
        Assert.Single(CallPublication.Check(kind, window, items, false, now)).Code;
}
