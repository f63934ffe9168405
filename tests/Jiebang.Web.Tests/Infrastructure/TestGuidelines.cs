using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>Accepted demands, calls and items made straight through the domain, each test its own.</summary>
public static class TestGuidelines
{
    /// <summary>A demand its unit submitted straight to the bureau and the bureau accepted.</summary>
    public static async Task<int> AcceptedDemandAsync(JiebangFactory app, int ownerUnitId)
    {
        var id = await TestDemands.SubmittedAsync(app, ownerUnitId);
        await using var db = app.CreateDbContext();
        var demand = await db.Demands.Include(d => d.Versions).Include(d => d.Events).SingleAsync(d => d.Id == id);
        var refused = demand.Accept(ScreeningDecision.Accept, null, new FilingActor("staff", 0), app.Clock.GetUtcNow());
        if (refused is not null) throw new InvalidOperationException(refused.ToString());
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A proposal call of the test's own, open from <paramref name="opensIn"/> to <paramref name="closesIn"/> from now.</summary>
    public static async Task<int> CallAsync(JiebangFactory app, TimeSpan? opensIn = null, TimeSpan? closesIn = null, string title = "测试申报")
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var call = new Round
        {
            Title = title, Kind = Domain.Rounds.RoundKind.ProposalCall, OpensAt = now + (opensIn ?? TimeSpan.FromDays(-1)),
            ClosesAt = now + (closesIn ?? TimeSpan.FromDays(30)), Forms = ["annex4-table@1", "annex4-performance@1"],
            TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    public static GuidelineItemContent Complete(string name) => new(name, "新材料", "高分子材料", "热导率≥170W/(m·K)",
        "本市注册企业", SupportChannel.CityOpenCompetitionSubsidy, 200m, 24, null);

    /// <summary>An item in the call, published with it when <paramref name="publish"/> (the call too).</summary>
    public static async Task<int> ItemAsync(JiebangFactory app, int callId, int demandId, string name, bool publish)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var number = await db.GuidelineItems.CountAsync(i => i.CallRoundId == callId) + 1;
        var item = GuidelineItem.Compile(callId, Complete(name), [demandId], now, number);
        if (publish)
        {
            item.Publish(now);
            var call = await db.Rounds.SingleAsync(r => r.Id == callId);
            call.PublishedAt ??= now;
            call.NoticeText ??= "测试通知正文";
        }
        db.GuidelineItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
