using Jiebang.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiebang.Lists;

/// <summary>The app's whole service set on a scratch database: an SQLite file, or the PostgreSQL database <see cref="Options.Database"/>.</summary>
public static class Scratch
{
    public static async Task<WebApplication> OpenAsync(Options options, string provider, bool fresh)
    {
        string connection;
        if (provider == "postgres")
        {
            var database = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = options.Database }.ConnectionString;
            if (fresh)
            {
                await using var server = new NpgsqlConnection(options.Postgres);
                await server.OpenAsync();
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {options.Database} WITH (FORCE)", server)) await drop.ExecuteNonQueryAsync();
                await using (var create = new NpgsqlCommand($"CREATE DATABASE {options.Database}", server)) await create.ExecuteNonQueryAsync();
            }
            connection = database;
        }
        else
        {
            if (fresh) foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(options.SqlitePath + suffix);
            connection = $"Data Source={options.SqlitePath}";
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContentRoot(), EnvironmentName = "Production" });
        // Stored files and keys of their own too, so that a run on another database never touches a neighbour's.
        var files = Path.Combine(Path.GetTempPath(), options.Database == Options.DefaultDatabase ? "jiebang-lists-bench-files" : options.Database + "-files");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            [provider == "postgres" ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = connection,
            ["Storage:Root"] = Path.Combine(files, "storage"), ["Keys:Directory"] = Path.Combine(files, "keys"),
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = Environment.GetEnvironmentVariable("JIEBANG_BENCH_SQL") is null ? "Critical" : "Information",
        });
        Jiebang.Web.JiebangApp.AddJiebang(builder);
        var app = builder.Build();
        await DatabaseSetup.MigrateAndSeedAsync(app.Services);
        return app;
    }

    /// <summary>Fresh statistics (and, on PostgreSQL, the visibility map its index-only scans need) after the bulk fill.</summary>
    public static async Task AnalyzeAsync(IServiceProvider services, string provider)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, provider == "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
    }

    public static async Task DropAsync(Options options, string provider)
    {
        if (provider == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(options.Postgres);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {options.Database} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(options.SqlitePath + suffix);
        }
    }

    /// <summary>src/Jiebang.Web of the checkout the bench runs in: its seed data (forms, taxonomies, regions) is read from there.</summary>
    static string AppContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var web = Path.Combine(dir.FullName, "src", "Jiebang.Web");
                if (File.Exists(Path.Combine(web, "Jiebang.Web.csproj"))) return web;
            }
        throw new InvalidOperationException("Run the bench inside a Jiebang checkout (src/Jiebang.Web not found).");
    }
}
