using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jiebang.Web.Features.Operations;

/// <summary>
/// A consistent copy of the database in the provider's own format, and its restore: SQLite's
/// <c>VACUUM INTO</c> (an online snapshot) and a file copy; PostgreSQL's <c>pg_dump -Fc</c> and
/// <c>pg_restore --clean --single-transaction</c> (Debian's postgresql-client, same major version or newer).
/// </summary>
public static class DatabaseDump
{
    public static bool IsPostgres(DbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public static string EntryName(DbContext db) => IsPostgres(db) ? "database.pgdump" : "database.sqlite";

    public static async Task WriteAsync(DbContext db, string path, CancellationToken cancellationToken)
    {
        if (!IsPostgres(db))
        {
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}", cancellationToken);
            return;
        }
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        await RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--no-privileges", $"--file={path}", connection.Database!], cancellationToken);
    }

    /// <summary>Replaces the database named by <paramref name="db"/>'s connection with the dump; no other connection may be writing.</summary>
    public static async Task RestoreAsync(DbContext db, string path, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        await db.Database.CloseConnectionAsync();
        if (!IsPostgres(db))
        {
            var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var side in new[] { "-wal", "-shm" }) File.Delete(target + side);
            var temporary = target + ".restoring";
            File.Copy(path, temporary, overwrite: true);
            File.Move(temporary, target, overwrite: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync("pg_restore", connection,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", $"--dbname={connection.Database}", path],
            cancellationToken);
    }

    static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        // The password goes by the environment, never on the command line where `ps` shows it.
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new DumpToolException(tool, process.ExitCode, await errors);
    }
}

public sealed class DumpToolException(string tool, int exitCode, string errors)
    : Exception($"{tool} exited with {exitCode}: {errors.Trim()}")
{
    public string Tool { get; } = tool;
}
