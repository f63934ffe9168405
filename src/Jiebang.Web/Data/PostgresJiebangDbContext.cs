using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

public sealed class PostgresJiebangDbContext(DbContextOptions<PostgresJiebangDbContext> options) : JiebangDbContext(options)
{
    const long AuditChainLockKey = 0x4A4942414E47; // "JIBANG"

    // timestamptz takes UTC instants only; CST is a display concern.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
}

sealed class UtcDateTimeOffsetConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
