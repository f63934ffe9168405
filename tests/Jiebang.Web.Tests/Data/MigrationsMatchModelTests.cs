using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

/// <summary>A model change without its migration fails here, for each provider, without a database.</summary>
public sealed class MigrationsMatchModelTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Model_ComparedWithTheProvidersMigrations_HasNoPendingChanges(string provider)
    {
        using JiebangDbContext db = provider == "Sqlite"
            ? new SqliteJiebangDbContext(new DbContextOptionsBuilder<SqliteJiebangDbContext>().UseSqlite("Data Source=:memory:").Options)
            : new PostgresJiebangDbContext(new DbContextOptionsBuilder<PostgresJiebangDbContext>().UseNpgsql("Host=localhost").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations: add one with `dotnet ef migrations add` (docs/architecture.md).");
    }
}
