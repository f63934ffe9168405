using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

/// <summary>
/// The demo data of the last landed commit, migrated: each batch submitted before whom it went to was kept gets it
/// from where its proposals went. The demo's Longquan bureau (a county, 331181) sent a batch to Lishui's (the city,
/// 331100), and Lishui's went on to the bureau.
/// </summary>
[Trait("Category", "Database")]
public sealed class BatchSentToUpgradeTests
{
    [Fact]
    public async Task Migrate_BatchesSubmittedBeforeSentToWasKept_SentToTheLevelTheirProposalsReached()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await UpgradeTests.LoadFixtureAsync(database, "demo", ct);
        await using var db = UpgradeTests.Context(database);
        await db.Database.MigrateAsync(ct);

        var submitted = await (from b in db.ProposalBatches.AsNoTracking()
                               where b.SubmittedAt != null
                               join u in db.Units on b.UnitId equals u.Id
                               select new { From = u.RegionCode, b.SentToUnitId }).ToListAsync(ct);
        var regions = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.RegionCode, ct);
        var sent = submitted.Select(b => (b.From, To: b.SentToUnitId is { } to ? regions[to] : "bureau")).Distinct().Order().ToList();

        Assert.Equal([("331100", "bureau"), ("331181", "331100")], sent);
    }
}
