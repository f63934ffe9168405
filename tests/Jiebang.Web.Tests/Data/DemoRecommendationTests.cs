using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

[Trait("Category", "Database")]
public sealed class DemoRecommendationTests
{
    [Fact]
    public async Task Development_SeedsProposalsAtEachLevelInEachState_AndTheCitysQuotaCountsItsOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new JiebangFactory { Environment = "Development" };
        await app.InitializeAsync();
        await app.CreateClient().GetAsync("/health", ct); // startup seeds the demo data

        await using var db = app.CreateDbContext();
        var longquan = await db.Units.SingleAsync(u => u.Name == "龙泉市科学技术局", ct);
        var lishui = await db.Units.SingleAsync(u => u.Name == "丽水市科学技术局", ct);
        var levels = await db.ProposalLevels.AsNoTracking().ToListAsync(ct);
        foreach (var decision in new[] { LevelDecision.Pending, LevelDecision.Recommended, LevelDecision.Rejected })
            Assert.Contains(levels, l => l.UnitId == longquan.Id && l.Decision == decision && !l.IsForwarded);
        Assert.Contains(levels, l => l.UnitId == longquan.Id && l.IsForwarded);
        Assert.Contains(levels, l => l.UnitId == lishui.Id && l.Decision == LevelDecision.Pending);
        Assert.Contains(levels, l => l.UnitId == lishui.Id && l.Decision == LevelDecision.Recommended && !l.IsForwarded);
        Assert.Contains(levels, l => l.UnitId == lishui.Id && l.IsForwarded);
        Assert.True(await db.Proposals.AnyAsync(p => p.Status == ProposalStatus.Recommended && p.HolderUnitId == null, ct));
        Assert.Equal(2, (await db.QuotaUses.SingleAsync(u => u.UnitId == lishui.Id, ct)).Used);
        Assert.Equal(2, await db.ProposalBatches.CountAsync(b => b.SubmittedAt != null, ct));

        var city = await app.SignedInAsync("lishui", DemoData.Password);
        var page = await city.GetStringAsync("/Recommend/Proposals", ct);
        Assert.Contains("已用2项，限额10项，剩余8项", page);
        Assert.Contains("香菇菌棒智能化生产线建设", page);
        Assert.DoesNotContain("汽车空调电子膨胀阀智能控制技术成果转化", page); // still at the county
    }
}
