using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jiebang.Web.Tests.Features.Audit;

/// <summary>A database whose trail was written with the plain SHA-256 chain, upgraded to the keyed chain.</summary>
[Trait("Category", "Database")]
public sealed class AuditUpgradeTests : IAsyncLifetime
{
    TestDatabase _database = null!;
    ServiceProvider _services = null!;
    readonly string _keys = Path.Combine(Path.GetTempPath(), $"jiebang-keys-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider,
            [$"ConnectionStrings:{_database.Provider}"] = _database.ConnectionString,
            ["Keys:Directory"] = _keys,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddJiebangDatabase(configuration);
        services.AddAuditChain(configuration, Path.GetTempPath(), runChainer: false);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }

    JiebangDbContext NewContext() => _services.CreateScope().ServiceProvider.GetRequiredService<JiebangDbContext>();

    /// <summary>Three entries as the platform wrote them before this migration, then the upgrade.</summary>
    async Task<List<long>> UpgradeWithLegacyEntriesAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First(), ct);
            var previous = "";
            for (var i = 0; i < 3; i++)
            {
                var entry = new AuditEntry { At = DateTimeOffset.UtcNow, ActorName = "系统", Action = "legacy.event", EntityType = "Test", EntityId = i.ToString(), PreviousHash = previous };
                entry.Hash = AuditHash.Of(entry);
                previous = entry.Hash;
                // The columns of the first migration only: the new ones do not exist yet.
                // SQLite keeps instants as binary integers (SqliteJiebangDbContext's convention).
                var at = db.Database.IsSqlite()
                    ? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(entry.At)!
                    : entry.At;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AuditEntries" ("At", "ActorName", "Action", "EntityType", "EntityId", "PreviousHash", "Hash")
                    VALUES ({at}, {entry.ActorName}, {entry.Action}, {entry.EntityType}, {entry.EntityId}, {entry.PreviousHash}, {entry.Hash})
                    """, ct);
            }
        }
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync(ct);
            new AuditTrail(db, TimeProvider.System).Record(Actor.System, "keyed.event", "Test", "4");
            await db.SaveChangesAsync(ct);
            await _services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: ct);
            return await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        }
    }

    async Task<AuditChain.Verdict> VerifyAsync()
    {
        await using var db = NewContext();
        return await AuditChain.VerifyAsync(db, _services.GetRequiredService<AuditChainFiles>());
    }

    [Fact]
    public async Task Verify_LegacyEntriesThenKeyedOnes_IsIntact()
    {
        var ids = await UpgradeWithLegacyEntriesAsync();
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.Equal(4, verdict.EntriesChecked);
        Assert.Equal(4, ids.Count);
    }

    [Fact]
    public async Task Verify_LegacyEntryEditedAndPlainChainRecomputed_IsBrokenAtTheFirstKeyedEntry()
    {
        var ids = await UpgradeWithLegacyEntriesAsync();
        await using (var db = NewContext())
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Id).Where(a => a.Id < ids[3]).ToListAsync(TestContext.Current.CancellationToken);
            var previous = "";
            foreach (var entry in entries)
            {
                if (entry.Id == ids[1]) entry.ActorName = "mallory";
                entry.PreviousHash = previous;
                entry.Hash = AuditHash.Of(entry);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var verdict = await VerifyAsync();
        Assert.Equal(ids[3], verdict.FirstBrokenId);
        Assert.StartsWith("link", verdict.Problem);
    }
}
