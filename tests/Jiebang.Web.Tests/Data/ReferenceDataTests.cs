using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

[Trait("Category", "Database")]
public sealed class ReferenceDataTests(JiebangFactory app) : IClassFixture<JiebangFactory>
{
    [Fact]
    public async Task Startup_MigratesAndSeeds_ZhejiangRegionsWithLongquanInTheMountainList()
    {
        await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        await using var db = app.CreateDbContext();
        var regions = await db.Regions.ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(11, regions.Count(r => r.Level == "prefecture"));
        Assert.Equal(90, regions.Count(r => r.Level == "county"));
        var longquan = Assert.Single(regions, r => r.Code == "331181");
        Assert.Equal("龙泉市", longquan.Name);
        Assert.True(longquan.IsMountain26);
    }

    [Fact]
    public async Task Startup_SeedsBothPresetRounds_WithDeadlinesInChinaStandardTime()
    {
        await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        await using var db = app.CreateDbContext();
        var fund = await db.Rounds.SingleAsync(r => r.PresetKey == "central-guidance-2024", TestContext.Current.CancellationToken);
        Assert.Equal(new DateTimeOffset(2024, 3, 22, 9, 30, 0, TimeSpan.Zero), fund.ClosesAt.ToUniversalTime());
        Assert.Equal(300m, fund.Settings.CapsByCategory["区域科技创新体系建设"]);
        Assert.False(fund.Settings.IndirectCostsAllowed);
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        var response = await app.CreateClient().GetStringAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", response);
    }
}
