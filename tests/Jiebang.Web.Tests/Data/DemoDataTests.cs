using Jiebang.Domain.Demands;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

[Trait("Category", "Database")]
public sealed class DemoDataTests
{
    [Fact]
    public async Task Development_SeedsTheOpenDemoRoundWithDemandsInEveryState_Once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new JiebangFactory { Environment = "Development" };
        await app.InitializeAsync();
        await app.CreateClient().GetAsync("/health", ct); // startup seeds the demo data

        await using (var db = app.CreateDbContext())
        {
            var round = await db.Rounds.SingleAsync(r => r.Title == DemoData.OpenRoundTitle, ct);
            var demands = await db.Demands.Where(d => d.RoundId == round.Id).ToListAsync(ct);
            foreach (var status in Enum.GetValues<DemandStatus>())
                Assert.True(demands.Any(d => d.Status == status), $"no demo demand is {status}");
            Assert.Contains(demands, d => d.Status == DemandStatus.Submitted && d.RecommenderUnitId is null);
            Assert.Contains(demands, d => d.Status == DemandStatus.Submitted && d.RecommenderUnitId is not null);
            Assert.Contains(demands, d => d.Status == DemandStatus.ForwardedToBureau && d.BatchId is not null);
            Assert.Contains(demands, d => d.FormKey == "annex3");
            Assert.All(demands, d => Assert.DoesNotContain("1390578", d.DraftJson)); // phones stored protected
            Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "demand.submitted", ct) >= demands.Count(d => d.Status != DemandStatus.Draft));
        }

        await using (var db = app.CreateDbContext())
        {
            // The demo call: published, open, items merged from two demands and split from one, and a draft.
            var call = await db.Rounds.SingleAsync(r => r.PresetKey == "demo-call-2026", ct);
            Assert.NotNull(call.PublishedAt);
            Assert.True(call.IsOpenAt(app.Clock.GetUtcNow()));
            Assert.False(string.IsNullOrEmpty(call.NoticeText));
            var items = await db.GuidelineItems.Where(i => i.CallRoundId == call.Id).ToListAsync(ct);
            var accepted = await db.Demands.Where(d => d.Status == DemandStatus.Accepted).Select(d => d.Id).ToListAsync(ct);
            Assert.Contains(items, i => i.Status == Domain.Guidelines.GuidelineItemStatus.Published && i.Sources.Count == 2);
            Assert.Equal(2, items.Count(i => i.Status == Domain.Guidelines.GuidelineItemStatus.Published && i.Sources.Count == 1));
            Assert.Contains(items, i => i.Status == Domain.Guidelines.GuidelineItemStatus.Draft && !i.IsPublic);
            Assert.All(items.SelectMany(i => i.Sources), s => Assert.Contains(s.DemandId, accepted));
            Assert.Empty(items.Where(i => i.IsPublic).SelectMany(i => i.WhyNotPublish()));
        }
        var anonymous = app.CreateClient();
        var calls = await anonymous.GetStringAsync("/calls", ct);
        Assert.Contains(DemoGuidelines.CallTitle, calls);

        var before = await CountsAsync(app, ct);
        await DemoData.SeedAsync(app.Services, ct);
        Assert.Equal(before, await CountsAsync(app, ct));
    }

    static async Task<(int Demands, int Versions, int Batches, int Audit, int Users, int Rounds)> CountsAsync(JiebangFactory app,
        CancellationToken ct)
    {
        await using var db = app.CreateDbContext();
        return (await db.Demands.CountAsync(ct), await db.Demands.SelectMany(d => d.Versions).CountAsync(ct),
            await db.RecommendationBatches.CountAsync(ct), await db.AuditEntries.CountAsync(ct), await db.Users.CountAsync(ct),
            await db.Rounds.CountAsync(ct));
    }
}
