using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jiebang.Web.Data;

public sealed class SqliteJiebangDbContext(DbContextOptions<SqliteJiebangDbContext> options) : JiebangDbContext(options)
{
    // SQLite cannot compare DateTimeOffset text; store instants as sortable integers.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    // Microsoft.Data.Sqlite begins transactions IMMEDIATE, which already holds the write lock.
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
