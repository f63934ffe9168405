using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jiebang.Web.Data;

public sealed class SqliteJiebangDbContext(DbContextOptions<SqliteJiebangDbContext> options) : JiebangDbContext(options)
{
    // SQLite cannot compare DateTimeOffset text; store instants as sortable integers.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
