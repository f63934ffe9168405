using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Tests.Proposals;

/// <summary>The bureau's formal review of a proposal that the last recommending level sent on [notice §3: 形式审核（主体和格式）].</summary>
public sealed class FormalReviewTests
{
    const int County = 10;
    static readonly DateTimeOffset Now = ChinaTime.At(2024, 3, 20, 10, 0);
    static readonly FilingWindow Open = new(ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30));
    static readonly FilingActor Applicant = new("applicant", 1), CountyStaff = new("county", County), BureauStaff = new("bureau", 99);

    static Proposal AtTheBureau()
    {
        var proposal = Proposal.Start(1, 1, ProposalTarget.InCategory("科技成果转移转化"), "proposal", 1, Now);
        Assert.Null(proposal.SaveDraft("""{"projectName":"示例"}""", "示例", County, Now));
        Assert.Null(proposal.Submit(Open, [], Applicant, Now));
        Assert.Null(proposal.Recommend(County, false, 0, "同意推荐", CountyStaff, Now));
        Assert.Null(proposal.Forward(County, null, CountyStaff, Now));
        Assert.True(proposal.AwaitsFormalReview);
        return proposal;
    }

    [Fact]
    public void Pass_MovesItOnToExpertReview_WithTheNoteInItsHistory()
    {
        var proposal = AtTheBureau();
        Assert.Null(proposal.PassFormalReview("  主体与格式齐全  ", BureauStaff, Now.AddDays(1)));
        Assert.Equal(ProposalStatus.FormalReviewPassed, proposal.Status);
        var last = proposal.Events[^1];
        Assert.Equal((ProposalStatus.Recommended, ProposalStatus.FormalReviewPassed, "主体与格式齐全", "bureau"),
            (last.From, last.To, last.Reason, last.ActorUserId));
    }

    [Fact]
    public void Fail_NeedsAReason_AndStopsTheProposal()
    {
        var proposal = AtTheBureau();
        Assert.Equal("PROPOSAL_REASON_REQUIRED", proposal.FailFormalReview("  ", BureauStaff, Now)!.Code);
        Assert.Equal(ProposalStatus.Recommended, proposal.Status);
        Assert.Null(proposal.FailFormalReview("申报单位注册地不在龙泉市", BureauStaff, Now));
        Assert.Equal(ProposalStatus.FormalReviewFailed, proposal.Status);
        Assert.False(proposal.IsEditable);
    }

    [Fact]
    public void ADecision_OnAProposalNoLongerWaiting_IsRefused()
    {
        var proposal = AtTheBureau();
        Assert.Null(proposal.PassFormalReview(null, BureauStaff, Now));
        Assert.Equal("FORMAL_REVIEW_NOT_AWAITING", proposal.FailFormalReview("迟到的不通过", BureauStaff, Now)!.Code);
        Assert.Equal("FORMAL_REVIEW_NOT_AWAITING", proposal.ReturnFromFormalReview("迟到的退回", BureauStaff, Now)!.Code);
        Assert.Equal(ProposalStatus.FormalReviewPassed, proposal.Status);
    }

    [Fact]
    public void ADecision_BeforeTheProposalReachedTheBureau_IsRefused()
    {
        var proposal = Proposal.Start(1, 1, ProposalTarget.InCategory("科技成果转移转化"), "proposal", 1, Now);
        proposal.SaveDraft("{}", "示例", County, Now);
        proposal.Submit(Open, [], Applicant, Now);
        Assert.Equal("FORMAL_REVIEW_NOT_AWAITING", proposal.PassFormalReview(null, BureauStaff, Now)!.Code);
    }

    [Fact]
    public void Return_GoesBackToTheApplicant_AndTheRevisionComesStraightBackToFormalReview_NotThroughTheLevelsAgain()
    {
        var proposal = AtTheBureau();
        Assert.Equal("PROPOSAL_REASON_REQUIRED", proposal.ReturnFromFormalReview(null, BureauStaff, Now)!.Code);
        Assert.Null(proposal.ReturnFromFormalReview("缺少承诺书盖章扫描件", BureauStaff, Now));
        Assert.Equal(ProposalStatus.Returned, proposal.Status);
        Assert.True(proposal.IsEditable);
        Assert.True(proposal.IsReturnedByFormalReview);

        Assert.Null(proposal.SaveDraft("""{"projectName":"示例（修改后）"}""", "示例（修改后）", County, Now));
        Assert.Null(proposal.Submit(Open, [], Applicant, Now.AddHours(2)));

        Assert.Equal(ProposalStatus.Recommended, proposal.Status);
        Assert.Null(proposal.HolderUnitId);
        Assert.Equal(2, proposal.Versions.Count);
        Assert.Equal([ProposalStatus.Submitted, ProposalStatus.Recommended], proposal.Events.TakeLast(2).Select(e => e.To));
        Assert.Single(proposal.Levels);
    }

    [Fact]
    public void AReturnByTheFirstLevel_StillGoesBackThroughTheLevels()
    {
        var proposal = Proposal.Start(1, 1, ProposalTarget.InCategory("科技成果转移转化"), "proposal", 1, Now);
        proposal.SaveDraft("{}", "示例", County, Now);
        proposal.Submit(Open, [], Applicant, Now);
        Assert.Null(proposal.Return(County, "请补充预算说明", CountyStaff, Now));
        Assert.False(proposal.IsReturnedByFormalReview);
        proposal.SaveDraft("""{"a":1}""", "示例", County, Now);
        Assert.Null(proposal.Submit(Open, [], Applicant, Now));
        Assert.Equal((ProposalStatus.Submitted, County), (proposal.Status, proposal.HolderUnitId));
    }
}
