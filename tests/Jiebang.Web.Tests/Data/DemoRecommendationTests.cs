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
        Assert.Equal(5, (await db.QuotaUses.SingleAsync(u => u.UnitId == lishui.Id, ct)).Used);
        Assert.Equal(4, await db.ProposalBatches.CountAsync(b => b.SubmittedAt != null, ct));
        foreach (var status in new[] { ProposalStatus.FormalReviewPassed, ProposalStatus.FormalReviewFailed })
            Assert.True(await db.Proposals.AnyAsync(p => p.Status == status, ct), status.ToString());
        Assert.True(await db.Proposals.AnyAsync(p => p.Status == ProposalStatus.Returned && p.Events.Any(e => e.To == ProposalStatus.Recommended), ct));

        var city = await app.SignedInAsync("lishui", DemoData.Password);
        var page = await city.GetStringAsync("/Recommend/Proposals", ct);
        Assert.Contains("已用5项，限额10项，剩余5项", page);
        Assert.Contains("香菇菌棒智能化生产线建设", page);
        Assert.DoesNotContain("汽车空调电子膨胀阀智能控制技术成果转化", page); // still at the county

        var staff = await app.SignedInAsync("staff", DemoData.Password, DemoData.StaffAuthenticatorKey);
        var review = await staff.GetStringAsync("/FormalReview", ct);
        Assert.Contains("汽车空调压缩机再制造技术推广应用", review); // waiting
        Assert.Contains("竹木加工废弃物高值化利用技术成果转化", await staff.GetStringAsync("/FormalReview?view=passed", ct));
        Assert.Contains("宝剑锻造工艺数字化传承平台建设", await staff.GetStringAsync("/FormalReview?view=failed", ct));
        Assert.Contains("高山蔬菜冷链保鲜技术集成示范", await staff.GetStringAsync("/FormalReview?view=returned", ct));
    }
}
