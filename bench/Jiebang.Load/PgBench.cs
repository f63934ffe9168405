using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jiebang.Load;

/// <summary>
/// The raw insert rate of the same PostgreSQL: <c>pgbench -i</c> on a scratch database, then a
/// custom script of one single-row INSERT a transaction (as a submit's commit is one transaction).
/// </summary>
public static partial class PgBench
{
    public const string Script = """
        \set aid random(1, 100000)
        \set bid random(1, 1)
        \set tid random(1, 10)
        \set delta random(-5000, 5000)
        INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
        """;

    public static async Task<double> InsertsPerSecondAsync(Options options)
    {
        var target = new NpgsqlConnectionStringBuilder(options.Postgres);
        var scratch = $"jiebang_pgbench_{Environment.ProcessId}";
        var admin = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = "postgres" };
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {scratch}");
        var script = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(script, Script);
            var connection = $"-h {target.Host} -p {target.Port} -U {target.Username}";
            await RunAsync(target.Password, $"-i -q {connection} {scratch}");
            var output = await RunAsync(target.Password,
                $"-n -c {options.PgbenchClients} -j 2 -T {options.PgbenchSeconds} -f {script} {connection} {scratch}");
            return double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)");
        }
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<string> RunAsync(string? password, string arguments)
    {
        var start = new ProcessStartInfo("pgbench", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (password is not null) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
