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
    public async Task Seed_StoredFormDifferingOnlyInAHelpText_TakesTheShippedWordingAndKeepsAnyOtherChange()
    {
        var ct = TestContext.Current.CancellationToken;
        await app.CreateClient().GetAsync("/health", ct);
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SeedData", "forms", "annex2.v1.json"), ct);
        var oldHelp = shipped.Replace("\"section\": \"budget\"\n    },", "\"section\": \"budget\",\n      \"helpZh\": \"单位：万元。\"\n    },");
        Assert.NotEqual(shipped, oldHelp);
        var otherChange = oldHelp.Replace("\"labelZh\": \"预计总投入\"", "\"labelZh\": \"预计总投入（本单位改）\"");
        Assert.NotEqual(oldHelp, otherChange);

        foreach (var (stored, expected) in new[] { (oldHelp, shipped), (otherChange, otherChange) })
        {
            await using (var db = app.CreateDbContext())
            {
                var annex2 = await db.FormDefinitions.SingleAsync(f => f.Key == "annex2" && f.Version == 1, ct);
                annex2.Json = stored;
                await db.SaveChangesAsync(ct);
                await Jiebang.Web.Data.ReferenceData.SeedAsync(db, TimeProvider.System, ct);
            }
            await using var after = app.CreateDbContext();
            Assert.Equal(expected, (await after.FormDefinitions.SingleAsync(f => f.Key == "annex2" && f.Version == 1, ct)).Json);
        }
        await using var restore = app.CreateDbContext();
        (await restore.FormDefinitions.SingleAsync(f => f.Key == "annex2" && f.Version == 1, ct)).Json = shipped;
        await restore.SaveChangesAsync(ct);
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        var response = await app.CreateClient().GetStringAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", response);
    }
}
