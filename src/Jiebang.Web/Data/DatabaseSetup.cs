using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite under ./data by default; <c>Database__Provider=Postgres</c> with
    /// <c>ConnectionStrings__Postgres</c> for production.
    /// </summary>
    public static IServiceCollection AddJiebangDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<JiebangDbContext, PostgresJiebangDbContext>(o => o.UseNpgsql(connection));
        }
        else
        {
            var connection = configuration.GetConnectionString("Sqlite") ?? "Data Source=data/jiebang.db";
            EnsureDirectoryOf(connection);
            services.AddDbContext<JiebangDbContext, SqliteJiebangDbContext>(o => o.UseSqlite(connection));
        }
        return services;
    }

    static void EnsureDirectoryOf(string sqliteConnection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnection);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:") Directory.CreateDirectory(directory);
    }

    /// <summary>Migrates, then loads the reference data every installation needs (regions, preset rounds).</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await ReferenceData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
    }
}
