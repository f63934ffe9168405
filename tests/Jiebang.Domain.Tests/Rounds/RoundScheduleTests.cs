using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;

namespace Jiebang.Domain.Tests.Rounds;

public sealed class RoundScheduleTests
{
    static RoundStage Filing => new(RoundStageKind.Filing, ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30));

    [Fact]
    public void Check_TheNoticesStages_FindsNothing() =>
        Assert.Empty(RoundSchedule.Check([Filing, new(RoundStageKind.Recommendation, null, ChinaTime.At(2024, 3, 25, 17, 30))]));

    [Fact]
    public void Check_RecommendationBeforeFilingCloses_IsOutOfOrder()
    {
        var error = Assert.Single(RoundSchedule.Check([Filing, new(RoundStageKind.Recommendation, null, ChinaTime.At(2024, 3, 21))]));
        Assert.Equal("ROUND_STAGE_OUT_OF_ORDER", error.Code);
        Assert.Equal("stages.Recommendation.closesAt", error.Field);
        Assert.Contains("推荐截止时间", error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Check_AStageTwice_IsRefused() =>
        Assert.Equal("ROUND_STAGE_DUPLICATE", Assert.Single(RoundSchedule.Check([Filing, Filing])).Code);

    [Fact]
    public void For_AUnitWithItsOwnQuota_TakesItBeforeItsClassInItsRegion()
    {
        RecommenderQuota[] quotas =
        [
            new() { UnitClass = UnitType.ScienceBureau, RegionCode = "330100", Limit = 15, Note = "杭州市" },
            new() { UnitClass = UnitType.ScienceBureau, Limit = 3 },
            new() { UnitId = 42, Limit = 7 },
        ];
        Assert.Equal(7, RecommenderQuota.For(quotas, 42, UnitType.ScienceBureau, "330102")!.Limit);
        Assert.Equal(15, RecommenderQuota.For(quotas, 43, UnitType.ScienceBureau, "330102")!.Limit);
        Assert.Equal(3, RecommenderQuota.For(quotas, 44, UnitType.ScienceBureau, "330302")!.Limit);
        Assert.Null(RecommenderQuota.For(quotas, 45, UnitType.Association, "330102"));
    }
}

public sealed class StageWindowTests
{
    static readonly DateTimeOffset Deadline = ChinaTime.At(2024, 3, 25, 17, 30);
    static RoundSchedule Notice => new([new(RoundStageKind.Filing, ChinaTime.At(2024, 3, 18), ChinaTime.At(2024, 3, 22, 17, 30)),
        new(RoundStageKind.Recommendation, null, Deadline)]);

    [Fact]
    public void WhyNotActIn_OneTickBeforeTheRecommendersDeadline_Allows() =>
        Assert.Null(Notice.WhyNotActIn(RoundStageKind.Recommendation, Deadline.AddTicks(-1)));

    [Fact]
    public void WhyNotActIn_AtTheRecommendersDeadline_IsClosedAndSaysWhen()
    {
        var error = Notice.WhyNotActIn(RoundStageKind.Recommendation, Deadline)!;
        Assert.Equal("ROUND_STAGE_CLOSED", error.Code);
        Assert.Contains("2024-03-25 17:30", error.Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void WhyNotActIn_AStageTheRoundDoesNotHave_SetsNoWindow() =>
        Assert.Null(Notice.WhyNotActIn(RoundStageKind.ExpertReview, Deadline.AddYears(1)));

    [Fact]
    public void WhyNotActIn_BeforeAStageOpens_IsNotOpen()
    {
        var schedule = new RoundSchedule([new(RoundStageKind.ExpertReview, Deadline, Deadline.AddDays(10))]);
        Assert.Equal("ROUND_STAGE_NOT_OPEN", schedule.WhyNotActIn(RoundStageKind.ExpertReview, Deadline.AddMinutes(-1))!.Code);
    }
}
