using System.Data.Common;
using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Jiebang.Web.Tests.Data;

/// <summary>
/// A database made by an earlier commit, with data in it (Fixtures/Upgrade/README.md), migrates
/// forward with today's migrations and keeps every row.
/// </summary>
[Trait("Category", "Database")]
public sealed class UpgradeTests
{
    /// <summary>
    /// Each kind of record: its table in the fixture, and its table after today's migrations.
    /// The one place to change when a migration renames a table.
    /// </summary>
    static readonly (string Kind, string Before, string After)[] Records =
    [
        ("units", "Units", "Units"),
        ("users", "AspNetUsers", "AspNetUsers"),
        ("roles", "AspNetRoles", "AspNetRoles"),
        ("role claims", "AspNetRoleClaims", "AspNetRoleClaims"),
        ("user roles", "AspNetUserRoles", "AspNetUserRoles"),
        ("user claims", "AspNetUserClaims", "AspNetUserClaims"),
        ("user logins", "AspNetUserLogins", "AspNetUserLogins"),
        ("user tokens", "AspNetUserTokens", "AspNetUserTokens"),
        ("regions", "Regions", "Regions"),
        ("rounds", "Rounds", "Rounds"),
        ("forms", "FormDefinitions", "FormDefinitions"),
        ("taxonomies", "Taxonomies", "Taxonomies"),
        ("demands", "Demands", "Demands"),
        ("demand versions", "DemandVersions", "DemandVersions"),
        ("demand events", "DemandEvents", "DemandEvents"),
        ("recommendation batches", "RecommendationBatches", "RecommendationBatches"),
        ("attachments", "Attachments", "Attachments"),
        ("similarity records", "SimilarityRecords", "SimilarityRecords"),
        ("audit entries", "AuditEntries", "AuditEntries"),
        ("data protection keys", "DataProtectionKeys", "DataProtectionKeys"),
    ];

    /// <summary>Values that must come through unchanged: a kind of record, its key column and the value columns.</summary>
    static readonly (string Kind, string Key, string[] Columns)[] Values =
    [
        ("demands", "Id", ["Title", "Status", "DraftJson"]),
        ("demand versions", "Id", ["ReceiptNumber", "ContentHash"]),
        ("audit entries", "Id", ["Hash", "PreviousHash", "Action"]),
        ("units", "Id", ["Uscc", "Name", "ContactPhoneProtected"]),
        ("rounds", "Id", ["Title", "PresetKey"]),
    ];

    static readonly string[] Internal = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    /// <summary>A form definition without its help texts, at any depth.</summary>
    static System.Text.Json.Nodes.JsonNode? WithoutHelp(System.Text.Json.Nodes.JsonNode? node)
    {
        var copy = node?.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject members)
            {
                members.Remove("helpZh");
                members.Remove("helpEn");
                foreach (var member in members) Strip(member.Value);
            }
            else if (node is System.Text.Json.Nodes.JsonArray items)
                foreach (var item in items) Strip(item);
        }
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Upgrade", name);

    [Fact]
    public async Task Migrate_FixtureOfAnEarlierCommit_KeepsEveryRowAndValue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await LoadFixtureAsync(database, ct);

        Dictionary<string, long> countsBefore;
        Dictionary<string, List<string>> valuesBefore;
        await using (var connection = await OpenAsync(database, ct))
        {
            var tables = await TablesAsync(connection, database.Provider, ct);
            Assert.Equal(Records.Select(r => r.Before).Order(), tables.Except(Internal).Order());
            countsBefore = await CountsAsync(connection, r => r.Before, ct);
            valuesBefore = await ValuesAsync(connection, r => r.Before, ct);
        }
        // The fixture holds what it says it holds (README.md): demands in every state, and more than one version of one.
        foreach (var kind in new[] { "units", "users", "rounds", "demands", "demand versions", "demand events",
                     "recommendation batches", "attachments", "audit entries", "data protection keys" })
            Assert.True(countsBefore[kind] > 0, $"The fixture has no {kind}.");
        Assert.Contains(valuesBefore["demands"], v => v.Contains("升级夹具：已受理（第二版）"));
        Assert.Equal(7, valuesBefore["demands"].Select(v => v.Split('|')[2]).Distinct().Count());

        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync(ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }

        await using (var connection = await OpenAsync(database, ct))
        {
            Assert.Equal(countsBefore, await CountsAsync(connection, r => r.After, ct));
            var valuesAfter = await ValuesAsync(connection, r => r.After, ct);
            foreach (var (kind, _, _) in Values) Assert.Equal(valuesBefore[kind], valuesAfter[kind]);
        }
    }

    [Fact]
    public async Task Migrate_FixtureRounds_KeepFormsAsAListTheRecommendersDeadlineAsAStageAndQuotasByClassAndMigrateBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await LoadFixtureAsync(database, ct);
        await using var db = Context(database);
        await db.Database.MigrateAsync(ct);

        var rounds = await db.Rounds.AsNoTracking().ToListAsync(ct);
        var central = rounds.Single(r => r.PresetKey == "central-guidance-2024");
        // Annex 4's tables come with the proposal form they belong to (Proposals_Filing).
        Assert.Equal(["proposal@1", "annex4-table@1", "annex4-performance@1"], central.Forms);
        Assert.Equal(ChinaTime.At(2024, 3, 22, 17, 30), central.Schedule.Filing!.ClosesAt);
        Assert.Equal(ChinaTime.At(2024, 3, 25, 17, 30), central.Schedule.Stage(RoundStageKind.Recommendation)!.ClosesAt);
        Assert.Equal(15, RecommenderQuota.For(central.Settings.Quotas, 999, UnitType.ScienceBureau, "330102")!.Limit);
        Assert.Equal(1, RecommenderQuota.For(central.Settings.Quotas, 999, UnitType.ResearchInstitute, "330102")!.Limit);
        Assert.Contains(central.Settings.Quotas, q => q.Note == "国资委" && q.UnitId is null && q.UnitClass is null && q.Limit == 10);
        Assert.Equal(15, central.Settings.Quotas.Count);
        Assert.Equal(300m, central.Settings.CapsByCategory["区域科技创新体系建设"]);
        Assert.Equal(0.8m, central.Settings.EnterpriseSelfFundingMinShare);

        var demand = rounds.Single(r => r.PresetKey == "longquan-demand-2024");
        Assert.Equal(["annex1@1", "annex2@1", "annex3@1"], demand.Forms);
        Assert.Empty(demand.Stages);
        Assert.Empty(demand.Settings.Quotas);
        // "4月15日前": the preset now closes at the start of the 15th, and annex 2 takes open directions, as the seed says.
        Assert.Equal(ChinaTime.At(2024, 4, 15), demand.ClosesAt);
        var annex2 = await db.FormDefinitions.AsNoTracking().SingleAsync(f => f.Key == "annex2" && f.Version == 1, ct);
        // The shipped form as the migration leaves it; its "filing" section and its help texts' later wording are
        // ReferenceData's at start.
        var shipped = System.Text.Json.Nodes.JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SeedData", "forms", "annex2.v1.json"), ct))!.AsObject();
        shipped.Remove("filing");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(WithoutHelp(shipped), WithoutHelp(System.Text.Json.Nodes.JsonNode.Parse(annex2.Json))),
            annex2.Json);

        // And back: the first migration's comma string, deadline and name-keyed quotas return.
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First(), cancellationToken: ct);
        await using var connection = await OpenAsync(database, ct);
        Assert.Equal(["annex4-table@1,annex4-performance@1"],
            await ColumnAsync(connection, "SELECT \"FormKeys\" FROM \"Rounds\" WHERE \"PresetKey\" = 'central-guidance-2024'", ct));
        var settings = JsonDocument.Parse((await ColumnAsync(connection, "SELECT \"Settings\" FROM \"Rounds\" WHERE \"PresetKey\" = 'central-guidance-2024'", ct))[0]).RootElement;
        Assert.Equal(15, settings.GetProperty("quotaByRecommender").GetProperty("杭州市").GetInt32());
        Assert.Equal(ChinaTime.At(2024, 3, 25, 17, 30), settings.GetProperty("recommendationDeadlineAt").GetDateTimeOffset());
    }

    internal static JiebangDbContext Context(TestDatabase database) => database.Provider == "Sqlite"
        ? new SqliteJiebangDbContext(new DbContextOptionsBuilder<SqliteJiebangDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresJiebangDbContext(new DbContextOptionsBuilder<PostgresJiebangDbContext>().UseNpgsql(database.ConnectionString).Options);

    static Task LoadFixtureAsync(TestDatabase database, CancellationToken ct) => LoadFixtureAsync(database, "upgrade", ct);

    internal static async Task LoadFixtureAsync(TestDatabase database, string name, CancellationToken ct)
    {
        if (database.Provider == "Sqlite")
        {
            File.Copy(Fixture(name + ".sqlite"), new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            return;
        }
        // A plain pg_dump: psql's meta-commands (lines starting with a backslash) are not SQL.
        var sql = string.Join('\n', (await File.ReadAllLinesAsync(Fixture(name + ".postgres.sql"), ct)).Where(l => !l.StartsWith('\\')));
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var load = new NpgsqlCommand(sql, connection);
        await load.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<DbConnection> OpenAsync(TestDatabase database, CancellationToken ct)
    {
        DbConnection connection = database.Provider == "Sqlite"
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    internal static async Task<List<string>> TablesAsync(DbConnection connection, string provider, CancellationToken ct) =>
        await ColumnAsync(connection, provider == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", ct);

    static async Task<Dictionary<string, long>> CountsAsync(DbConnection connection, Func<(string Kind, string Before, string After), string> table, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        foreach (var record in Records)
            counts[record.Kind] = long.Parse((await ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table(record)}\"", ct))[0]);
        return counts;
    }

    static async Task<Dictionary<string, List<string>>> ValuesAsync(DbConnection connection, Func<(string Kind, string Before, string After), string> table, CancellationToken ct)
    {
        var values = new Dictionary<string, List<string>>();
        foreach (var (kind, key, columns) in Values)
        {
            var name = table(Records.Single(r => r.Kind == kind));
            var row = string.Join(" || '|' || ", new[] { key }.Concat(columns).Select(c => $"COALESCE(CAST(\"{c}\" AS TEXT), '')"));
            values[kind] = await ColumnAsync(connection, $"SELECT {row} FROM \"{name}\" ORDER BY \"{key}\"", ct);
        }
        return values;
    }

    internal static async Task<List<string>> ColumnAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var column = new List<string>();
        while (await reader.ReadAsync(ct)) column.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return column;
    }
}
