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
            services.AddDbContext<JiebangDbContext, PostgresJiebangDbContext>(o => o.UseNpgsql(WithPoolLimits(connection, configuration)));
        }
        else
        {
            var connection = configuration.GetConnectionString("Sqlite") ?? "Data Source=data/jiebang.db";
            EnsureDirectoryOf(connection);
            services.AddDbContext<JiebangDbContext, SqliteJiebangDbContext>(o => o.UseSqlite(connection));
        }
        return services;
    }

    /// <summary>
    /// At most <c>Database:MaxPoolSize</c> connections an instance (40 by default: two instances, the
    /// CLI and psql stay under PostgreSQL's default max_connections of 100, and its 3 reserved slots),
    /// and a request waits up to <c>Database:ConnectionTimeoutSeconds</c> (30) for a free one: a crowd
    /// queues instead of failing with 53300. Values written in the connection string itself win.
    /// </summary>
    public static string WithPoolLimits(string connection, IConfiguration configuration)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        bool Gives(params string[] names) => names.Any(n => given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals(n, StringComparison.OrdinalIgnoreCase)));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!Gives("MaximumPoolSize", "MaxPoolSize")) builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 40);
        if (!Gives("Timeout")) builder.Timeout = configuration.GetValue("Database:ConnectionTimeoutSeconds", 30);
        // JIT compiling a list's count costs more than the count itself (0.5 s of 0.7 s at 100,000 demands).
        if (!Gives("Options")) builder.Options = "-c jit=off";
        return builder.ConnectionString;
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
        // Stored rows that need the app's keys to bring up to date (the CLI's migrate has none: the app's next start does it).
        if (scope.ServiceProvider.GetService<Features.Proposals.LeaderIdHashBackfill>() is { } leaders) await leaders.RunAsync(cancellationToken);
    }
}
