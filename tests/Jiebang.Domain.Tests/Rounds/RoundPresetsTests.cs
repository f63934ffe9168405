using Jiebang.Domain.Demands;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Tests.Rounds;

public sealed class RoundPresetsTests
{
    // "于2024年4月15日前……报送" [notice §4.3]: before 15 April, so the 14th is the last day (docs/forms.md).
    static readonly Jiebang.Domain.Filings.FilingWindow Demand2024 = new(RoundPresets.DemandSolicitation2024.OpensAt, RoundPresets.DemandSolicitation2024.ClosesAt);

    [Fact]
    public void DemandRound_LastMinuteOfThe14thChinaTime_IsOpen() =>
        Assert.Null(Demand2024.Refuses(ChinaTime.At(2024, 4, 14, 23, 59)));

    [Fact]
    public void DemandRound_StartOfThe15thChinaTime_IsClosed() =>
        Assert.Equal("DEMAND_ROUND_CLOSED", Demand2024.Refuses(ChinaTime.At(2024, 4, 15))?.Code);
}
