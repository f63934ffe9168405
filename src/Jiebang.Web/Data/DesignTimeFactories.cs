using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jiebang.Web.Data;

// Used by `dotnet ef migrations add` only; the running app configures contexts in DatabaseSetup.
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJiebangDbContext>
{
    public SqliteJiebangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJiebangDbContext>().UseSqlite("Data Source=design.db").Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJiebangDbContext>
{
    public PostgresJiebangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJiebangDbContext>().UseNpgsql("Host=localhost").Options);
}
