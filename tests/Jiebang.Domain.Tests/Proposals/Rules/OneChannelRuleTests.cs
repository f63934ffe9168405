using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class OneChannelRuleTests
{
    static readonly DateTimeOffset Earlier = new(2024, 3, 19, 9, 0, 0, TimeSpan.FromHours(8));

    static OtherProposal Other(long recommender, string? name = null, string? leader = null, string? unit = null,
        DateTimeOffset? submittedAt = null, double? similarity = null) =>
        new(41, name ?? "另一个名称完全不同的项目", unit ?? LongquanEnterprise, leader ?? Valid().Leader.IdNumber,
            recommender, submittedAt ?? Earlier, similarity);

    static IReadOnlyList<RuleError> CheckAgainst(ProposalFacts facts, params OtherProposal[] others) =>
        Check(facts, Round() with { OtherProposals = others });

    [Fact]
    public void Check_SameUnitAndLeaderThroughAnotherRecommender_IsAnErrorOnTheSecond()
    {
        var finding = CheckAgainst(Valid(), Other(recommender: 8)).Find(ProposalErrors.SecondChannel);
        Assert.Equal(Severity.Error, finding?.Severity);
        Assert.Equal("recommenderUnitId", finding?.Field);
    }

    [Fact]
    public void Check_TheFirstOfTheTwo_HasNoFinding()
    {
        var first = Valid() with { SubmittedAt = Earlier };
        Assert.Null(CheckAgainst(first, Other(recommender: 8, submittedAt: Earlier.AddMinutes(5))).Find(ProposalErrors.SecondChannel));
    }

    [Fact]
    public void Check_OtherStillADraft_DoesNotCount()
    {
        var draft = Other(recommender: 8) with { SubmittedAt = null };
        Assert.Null(CheckAgainst(Valid(), draft).Find(ProposalErrors.SecondChannel));
    }

    [Fact]
    public void Check_SameThroughTheSameRecommender_IsARepeatWarning() =>
        Assert.Equal(Severity.Warning, CheckAgainst(Valid(), Other(recommender: 7)).Find(ProposalErrors.RepeatedProposal)?.Severity);

    [Fact]
    public void Check_NearIdenticalNameOfTheSameUnitWithAnotherLeader_IsAnError()
    {
        var other = Other(recommender: 8, name: "高性能青瓷釉料中试基地建设。", leader: Id("1980-01-01", male: true));
        Assert.NotNull(CheckAgainst(Valid(), other).Find(ProposalErrors.SecondChannel));
    }

    [Fact]
    public void Check_NearIdenticalTextOfTheSameLeaderAtAnotherUnit_IsAnError()
    {
        var other = Other(recommender: 8, unit: "91350100M000100Y43", similarity: 0.95);
        Assert.NotNull(CheckAgainst(Valid(), other).Find(ProposalErrors.SecondChannel));
    }

    [Fact]
    public void Check_SimilarNameOfAnotherUnitAndLeader_IsNotTheSameProject()
    {
        var other = Other(recommender: 8, name: Valid().Name, unit: "91350100M000100Y43", leader: Id("1980-01-01", male: true));
        Assert.Null(CheckAgainst(Valid(), other).Find(ProposalErrors.SecondChannel));
    }
}
