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

    async Task<AuditChain.Verdict> VerifyAsync()
    {
        await using var db = _app.CreateDbContext();
        return await AuditChain.VerifyAsync(db);
    }

    async Task<long> NthIdAsync(int n)
    {
        await using var db = _app.CreateDbContext();
        return await db.AuditEntries.OrderBy(a => a.Id).Skip(n).Select(a => a.Id).FirstAsync();
    }

    [Fact]
    public async Task Verify_UntouchedTrail_IsIntact()
    {
        await RecordAsync(5);
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact);
        Assert.Equal(5, verdict.EntriesChecked);
    }

    [Fact]
    public async Task Verify_RowEditedBehindTheAppsBack_NamesThatRow()
    {
        await RecordAsync(5);
        var third = await NthIdAsync(2);
        await using (var db = _app.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"n\":99}}' WHERE \"Id\" = {third}", TestContext.Current.CancellationToken);
        var verdict = await VerifyAsync();
        Assert.Equal(third, verdict.FirstBrokenId);
        Assert.StartsWith("hash", verdict.Problem);
    }

    [Fact]
    public async Task Verify_RowDeleted_NamesTheRowAfterTheGap()
    {
        await RecordAsync(5);
        var second = await NthIdAsync(1);
        var third = await NthIdAsync(2);
        await using (var db = _app.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {second}", TestContext.Current.CancellationToken);
        var verdict = await VerifyAsync();
        Assert.Equal(third, verdict.FirstBrokenId);
        Assert.StartsWith("link", verdict.Problem);
    }

    [Fact]
    public async Task Record_ConcurrentWriters_KeepOneUnbrokenChain()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => RecordAsync(10, $"writer.{w}"))));
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, $"broken at {verdict.FirstBrokenId}: {verdict.Problem}");
        Assert.Equal(40, verdict.EntriesChecked);
    }
}
