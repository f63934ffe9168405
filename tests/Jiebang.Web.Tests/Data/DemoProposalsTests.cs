using Jiebang.Domain.Proposals;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

[Trait("Category", "Database")]
public sealed class DemoProposalsTests
{
    [Fact]
    public async Task Development_SeedsTheDemoCallWithProposalsInEachApplicantState_Once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new JiebangFactory { Environment = "Development" };
        await app.InitializeAsync();
        await app.CreateClient().GetAsync("/health", ct); // startup seeds the demo data

        await using (var db = app.CreateDbContext())
        {
            var call = await db.Rounds.SingleAsync(r => r.PresetKey == DemoProposals.CallPresetKey, ct);
            var proposals = await db.Proposals.Where(p => p.RoundId == call.Id).ToListAsync(ct);
            foreach (var status in new[] { ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Returned, ProposalStatus.Withdrawn })
                Assert.True(proposals.Any(p => p.Status == status), $"no demo proposal is {status}");
            Assert.Contains(proposals, p => p.GuidelineItemId is not null && p.Status == ProposalStatus.Submitted);
            Assert.All(proposals, p => Assert.DoesNotContain("33010219800101123X", p.DraftJson)); // ID numbers stored protected
        }
        var before = await CountAsync(app, ct);
        await DemoData.SeedAsync(app.Services, ct);
        Assert.Equal(before, await CountAsync(app, ct));
    }

    static async Task<(int, int)> CountAsync(JiebangFactory app, CancellationToken ct)
    {
        await using var db = app.CreateDbContext();
        return (await db.Proposals.CountAsync(ct), await db.Rounds.CountAsync(ct));
    }
}
