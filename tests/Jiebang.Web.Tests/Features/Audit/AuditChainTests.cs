using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Audit;

[Trait("Category", "Database")]
public sealed class AuditChainTests : IAsyncLifetime
{
    readonly JiebangFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.NewClient();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    async Task RecordAsync(int count, string prefix = "test.event")
    {
        using var scope = _app.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        for (var i = 0; i < count; i++)
        {
            audit.Record(Actor.System, prefix, "Test", i.ToString(), new { n = i }, new { n = i + 1, 名称 = "龙泉" });
            await db.SaveChangesAsync();
        }
    }

    Task<int> ChainAsync() => _app.Services.GetRequiredService<AuditChainer>().ChainPendingAsync();

    async Task<AuditChain.Verdict> VerifyAsync()
    {
        await using var db = _app.CreateDbContext();
        return await AuditChain.VerifyAsync(db, _app.Services.GetRequiredService<AuditChainFiles>());
    }

    async Task<long> NthIdAsync(int n)
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditEntries.OrderBy(a => a.Id).Skip(n).Select(a => a.Id).FirstAsync();
    }

    async Task SqlAsync(FormattableString sql)
    {
        await using var db = _app.CreateDbContext();
        await db.Database.ExecuteSqlAsync(sql, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Verify_UntouchedTrail_IsIntact()
    {
        await RecordAsync(5);
        await ChainAsync();
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.Equal(5, verdict.EntriesChecked);
        Assert.Equal(0, verdict.Pending);
    }

    [Fact]
    public async Task Chain_Entries_AreKeyedWithTheKeyOutsideTheDatabase()
    {
        await RecordAsync(2);
        await ChainAsync();
        await using var db = _app.CreateDbContext();
        var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        var key = _app.Services.GetRequiredService<AuditChainFiles>().ReadKey();
        Assert.NotNull(key);
        Assert.True(File.Exists(Path.Combine(_app.KeysDirectory, AuditChainFiles.KeyFileName)));
        Assert.All(entries, e => Assert.Equal(AuditHash.Keyed(key, e), e.Hash));
        Assert.All(entries, e => Assert.NotEqual(AuditHash.Of(e), e.Hash));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
    }

    [Fact]
    public async Task Verify_RowEditedBehindTheAppsBack_NamesThatRow()
    {
        await RecordAsync(5);
        await ChainAsync();
        var third = await NthIdAsync(2);
        await SqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"n\":99}}' WHERE \"Id\" = {third}");
        var verdict = await VerifyAsync();
        Assert.Equal(third, verdict.FirstBrokenId);
        Assert.StartsWith("hash", verdict.Problem);
    }

    [Fact]
    public async Task Verify_RowEditedAndPlainChainRecomputedAfterIt_NamesThatRow()
    {
        await RecordAsync(5);
        await ChainAsync();
        var third = await NthIdAsync(2);
        // What someone holding only the database can do: edit, then redo the SHA-256 chain from there on.
        await using (var db = _app.CreateDbContext())
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
            var previous = entries.Single(e => e.Id == third - 1).Hash;
            foreach (var entry in entries.Where(e => e.Id >= third))
            {
                if (entry.Id == third) entry.After = """{"n":99}""";
                entry.PreviousHash = previous;
                entry.Hash = AuditHash.Of(entry);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var verdict = await VerifyAsync();
        Assert.Equal(third, verdict.FirstBrokenId);
        Assert.StartsWith("hash", verdict.Problem);
    }

    [Fact]
    public async Task Verify_RowDeleted_NamesTheRowAfterTheGap()
    {
        await RecordAsync(5);
        await ChainAsync();
        var second = await NthIdAsync(1);
        var third = await NthIdAsync(2);
        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {second}");
        var verdict = await VerifyAsync();
        Assert.Equal(third, verdict.FirstBrokenId);
        Assert.StartsWith("link", verdict.Problem);
    }

    [Fact]
    public async Task Verify_LastEntriesDeleted_IsBroken()
    {
        await RecordAsync(5);
        await ChainAsync();
        var fourth = await NthIdAsync(3);
        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {fourth}");
        var verdict = await VerifyAsync();
        Assert.False(verdict.IsIntact);
        Assert.StartsWith("head", verdict.Problem);
    }

    [Fact]
    public async Task Verify_LastEntriesDeletedAndHeadRewound_TheAnchorNamesTheCut()
    {
        await RecordAsync(5);
        await ChainAsync();
        var third = await NthIdAsync(2);
        var fifth = await NthIdAsync(4);
        // The head row is in the database too: rewind it to the last entry left.
        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" > {third}");
        await SqlAsync($"UPDATE \"AuditChainHeads\" SET \"LastId\" = {third}, \"LastHash\" = (SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Id\" = {third})");
        var verdict = await VerifyAsync();
        Assert.Equal(fifth, verdict.FirstBrokenId);
        Assert.StartsWith("anchor", verdict.Problem);
    }

    [Fact]
    public async Task Verify_AnchorFileRemoved_IsBroken()
    {
        await RecordAsync(2);
        await ChainAsync();
        File.Delete(_app.Services.GetRequiredService<AuditChainFiles>().AnchorPath);
        var verdict = await VerifyAsync();
        Assert.StartsWith("anchor", verdict.Problem);
    }

    [Fact]
    public async Task Record_ConcurrentWriters_KeepOneUnbrokenChain()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => RecordAsync(10, $"writer.{w}"))));
        await ChainAsync();
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, $"broken at {verdict.FirstBrokenId}: {verdict.Problem}");
        Assert.Equal(40, verdict.EntriesChecked);
    }

    [Fact]
    public async Task Chain_IdNeverCommitted_RecordsTheGapAndStillDetectsADeletionThere()
    {
        await RecordAsync(1);
        var first = await NthIdAsync(0);
        // A transaction that took the next ids and rolled back: the entry after it has a higher id.
        await using (var db = _app.CreateDbContext())
        {
            db.AuditEntries.Add(new AuditEntry { Id = first + 3, At = _app.Clock.GetUtcNow(), Action = "test.after-gap" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await ChainAsync();
        await using (var db = _app.CreateDbContext())
            Assert.Equal(2, await db.AuditEntries.Where(a => a.Id == first + 3).Select(a => a.GapBefore).SingleAsync(TestContext.Current.CancellationToken));
        Assert.True((await VerifyAsync()).IsIntact);

        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {first}");
        Assert.False((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Chain_LowerIdStillUncommitted_WaitsForIt()
    {
        Assert.SkipUnless(TestDatabase.CurrentProvider.Equals("Postgres", StringComparison.OrdinalIgnoreCase),
            "SQLite has one writer: a lower id cannot commit after a higher one.");
        using var openScope = _app.Services.CreateScope();
        var open = openScope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        await using var transaction = await open.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        openScope.ServiceProvider.GetRequiredService<AuditTrail>().Record(Actor.System, "test.slow", "Test", "1");
        await open.SaveChangesAsync(TestContext.Current.CancellationToken);
        await RecordAsync(1, "test.fast");

        // Longer than the gap grace: the open transaction still holds the chain back.
        var chainer = _app.Services.GetRequiredService<AuditChainer>();
        await Assert.ThrowsAsync<TimeoutException>(() => chainer.ChainPendingAsync(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken));
        await using (var db = _app.CreateDbContext())
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "test.fast" && a.Hash != "", TestContext.Current.CancellationToken));

        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        await ChainAsync();
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        await using (var db = _app.CreateDbContext())
            Assert.Equal(0, await db.AuditEntries.SumAsync(a => a.GapBefore, TestContext.Current.CancellationToken));
    }
}
