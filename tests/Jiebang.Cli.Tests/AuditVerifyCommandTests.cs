using Jiebang.Cli;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli.Tests;

public sealed class AuditVerifyCommandTests : IDisposable
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"jiebang-cli-{Guid.NewGuid():N}.db");
    readonly string _keys = Path.Combine(Path.GetTempPath(), $"jiebang-cli-keys-{Guid.NewGuid():N}");
    readonly ServiceProvider _services;

    public AuditVerifyCommandTests() =>
        _services = CliServices.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = $"Data Source={_file};Pooling=False",
            ["Keys:Directory"] = _keys,
        }).Build());

    public void Dispose()
    {
        _services.Dispose();
        File.Delete(_file);
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }

    async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Commands.RunAsync(args, output, new StringWriter(), services: () => _services);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task MigrateThenVerify_IntactTrail_ExitsZero()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var audit = new AuditTrail(db, TimeProvider.System);
            for (var i = 0; i < 3; i++) audit.Record(Actor.System, "cli.test", "Test", i.ToString());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await _services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: TestContext.Current.CancellationToken);
        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(0, exit);
        Assert.StartsWith("intact\t3 entries, 0 pending", output);
    }

    [Fact]
    public async Task Verify_EditedEntry_ExitsOneAndNamesIt()
    {
        await RunAsync("migrate");
        long second;
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var audit = new AuditTrail(db, TimeProvider.System);
            for (var i = 0; i < 3; i++) audit.Record(Actor.System, "cli.test", "Test", i.ToString());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await _services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: TestContext.Current.CancellationToken);
            second = await db.AuditEntries.OrderBy(a => a.Id).Skip(1).Select(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'mallory' WHERE \"Id\" = {second}",
                TestContext.Current.CancellationToken);
        }
        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(1, exit);
        Assert.StartsWith($"broken\t#{second}\t", output);
    }

    [Fact]
    public async Task Verify_UnchainedEntries_ExitsZeroAndCountsThemPending()
    {
        await RunAsync("migrate");
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            new AuditTrail(db, TimeProvider.System).Record(Actor.System, "cli.test", "Test", "1");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(0, exit);
        Assert.StartsWith("intact\t0 entries, 1 pending", output);
    }

    [Fact]
    public async Task Verify_LastEntriesCutAndHeadRewound_ExitsOneOnTheAnchor()
    {
        await RunAsync("migrate");
        long first;
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var audit = new AuditTrail(db, TimeProvider.System);
            for (var i = 0; i < 3; i++) audit.Record(Actor.System, "cli.test", "Test", i.ToString());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await _services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: TestContext.Current.CancellationToken);
            first = await db.AuditEntries.MinAsync(a => a.Id, TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" > {first}", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditChainHeads\" SET \"LastId\" = {first}, \"LastHash\" = (SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Id\" = {first})",
                TestContext.Current.CancellationToken);
        }
        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(1, exit);
        Assert.Contains("anchor", output);
    }
}
