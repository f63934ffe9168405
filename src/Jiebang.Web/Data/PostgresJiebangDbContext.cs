using Jiebang.Domain.Demands;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

public sealed class PostgresJiebangDbContext(DbContextOptions<PostgresJiebangDbContext> options) : JiebangDbContext(options)
{
    // timestamptz takes UTC instants only; CST is a display concern.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The inbox's text search (LIKE '%…%' over the name and the search text) reads trigram indexes instead of
        // every row. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Demand>(demand =>
        {
            demand.HasIndex(d => d.Title, "IX_Demands_Title_Trigrams").HasMethod("gin").HasOperators("gin_trgm_ops");
            demand.HasIndex(d => d.SearchText, "IX_Demands_SearchText_Trigrams").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}

sealed class UtcDateTimeOffsetConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
