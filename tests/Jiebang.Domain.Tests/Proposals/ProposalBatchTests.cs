using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Tests.Proposals;

/// <summary>A level's batch keeps whom it was sent to when it was submitted [annex 4 §4.2].</summary>
public sealed class ProposalBatchTests
{
    const int County = 10, City = 20;
    static readonly DateTimeOffset Now = ChinaTime.At(2024, 3, 20, 10, 0);

    [Fact]
    public void Submit_ToTheLevelAbove_KeepsWhomItWasSentTo()
    {
        var batch = ProposalBatch.Open(1, County, "county", Now);
        Assert.Null(batch.SentToUnitId);

        Assert.Null(batch.Submit(" 同意推荐。 ", 2, City, "county", Now));

        Assert.Equal((City, "同意推荐。", (DateTimeOffset?)Now), (batch.SentToUnitId, batch.Opinion, batch.SubmittedAt));
    }

    [Fact]
    public void Submit_Again_IsRefusedAndKeepsTheFirstReceiver()
    {
        var batch = ProposalBatch.Open(1, County, "county", Now);
        Assert.Null(batch.Submit("", 1, City, "county", Now));

        var again = batch.Submit("", 1, null, "county", Now.AddMinutes(1));

        Assert.Equal(RecommendationErrors.AlreadyForwarded.Code, again?.Code);
        Assert.Equal((City, (DateTimeOffset?)Now), (batch.SentToUnitId, batch.SubmittedAt));
    }

    [Fact]
    public void Submit_Empty_IsRefusedAndSendsNothing()
    {
        var batch = ProposalBatch.Open(1, City, "city", Now);

        Assert.Equal(RecommendationErrors.BatchEmpty.Code, batch.Submit("", 0, null, "city", Now)?.Code);
        Assert.False(batch.IsSubmitted);
    }
}
