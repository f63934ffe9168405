using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

public sealed class PostgresJiebangDbContext(DbContextOptions<PostgresJiebangDbContext> options) : JiebangDbContext(options)
{
    // timestamptz takes UTC instants only; CST is a display concern.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
}

sealed class UtcDateTimeOffsetConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
