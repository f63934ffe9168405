using Npgsql;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>
/// A throw-away database on the provider named by JIEBANG_TEST_PROVIDER (Sqlite by default;
/// Postgres takes its server from JIEBANG_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    readonly string? _postgresAdmin;
    readonly string? _databaseName;
    readonly string? _sqliteFile;

    public static string CurrentProvider =>
        Environment.GetEnvironmentVariable("JIEBANG_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    TestDatabase(string provider, string connectionString, string? postgresAdmin, string? databaseName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _databaseName = databaseName;
        _sqliteFile = sqliteFile;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!CurrentProvider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(Path.GetTempPath(), $"jiebang-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={file};Pooling=False", null, null, file);
        }
        var admin = Environment.GetEnvironmentVariable("JIEBANG_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Username=jiebang;Password=jiebang;Database=postgres";
        var name = $"jiebang_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
        // An autovacuum worker busy in the database runs as the superuser, whom a non-superuser may not
        // terminate (42501): it is done in moments, so try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
