using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

/// <summary>
/// The Development demo data of the last landed commit (Fixtures/Upgrade/demo.*, made by make-demo-fixture.sh:
/// demands, the challenge list, proposals, recommendations and batches in each state) migrates forward with
/// today's migrations and keeps every row of every table, and the named values of its filings.
/// </summary>
[Trait("Category", "Database")]
public sealed class DemoUpgradeTests
{
    /// <summary>Values that must come through unchanged: a table, its key and the value columns.</summary>
    static readonly (string Table, string Key, string[] Columns)[] Values =
    [
        ("Demands", "Id", ["Title", "Status"]),
        ("Proposals", "Id", ["Title", "Status", "HolderUnitId"]),
        ("ProposalVersions", "Id", ["ReceiptNumber", "ContentHash"]),
        ("ProposalBatches", "Id", ["UnitId", "SubmittedAt"]),
        ("GuidelineItems", "Id", ["Name", "Status"]),
        ("AuditEntries", "Id", ["Hash", "Action"]),
    ];

    static readonly string[] Internal = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    [Fact]
    public async Task Migrate_DemoDataOfTheLastLandedCommit_KeepsEveryRowOfEveryTable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await UpgradeTests.LoadFixtureAsync(database, "demo", ct);

        Dictionary<string, long> countsBefore;
        Dictionary<string, List<string>> valuesBefore;
        await using (var connection = await UpgradeTests.OpenAsync(database, ct))
        {
            var tables = (await UpgradeTests.TablesAsync(connection, database.Provider, ct)).Except(Internal).Order().ToList();
            countsBefore = [];
            foreach (var table in tables)
                countsBefore[table] = long.Parse((await UpgradeTests.ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct))[0]);
            valuesBefore = await ValuesAsync(connection, ct);
        }
        // The fixture holds every stage the demo data had: filings of both kinds, the list, batches, the audit trail.
        foreach (var table in new[] { "Units", "Demands", "DemandVersions", "GuidelineItems", "Proposals", "ProposalVersions",
                     "ProposalLevels", "ProposalBatches", "AuditEntries" })
            Assert.True(countsBefore.GetValueOrDefault(table) > 0, $"The demo fixture has no rows in {table}.");

        await using (var db = UpgradeTests.Context(database))
        {
            await db.Database.MigrateAsync(ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }

        await using (var connection = await UpgradeTests.OpenAsync(database, ct))
        {
            foreach (var (table, before) in countsBefore)
                Assert.Equal((table, before), (table, long.Parse((await UpgradeTests.ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct))[0])));
            var valuesAfter = await ValuesAsync(connection, ct);
            foreach (var (table, _, _) in Values) Assert.Equal(valuesBefore[table], valuesAfter[table]);
        }
    }

    static async Task<Dictionary<string, List<string>>> ValuesAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        var values = new Dictionary<string, List<string>>();
        foreach (var (table, key, columns) in Values)
        {
            var row = string.Join(" || '|' || ", new[] { key }.Concat(columns).Select(c => $"COALESCE(CAST(\"{c}\" AS TEXT), '')"));
            values[table] = await UpgradeTests.ColumnAsync(connection, $"SELECT {row} FROM \"{table}\" ORDER BY \"{key}\"", ct);
        }
        return values;
    }
}
