using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Jiebang.Bench;

/// <summary>
/// PostgreSQL pg_trgm: the texts in a table with a GIN trigram index, queried with
/// <c>body % query</c> at a set <c>pg_trgm.similarity_threshold</c>, the top 10 by
/// <c>similarity()</c>. Runs in a database of its own (C.UTF-8, so that CJK characters are word
/// characters and make trigrams), dropped at the end.
/// </summary>
internal static class PgTrgmRunner
{
    /// <summary>Where to connect; the role needs CREATEDB. JIEBANG_BENCH_POSTGRES overrides it.</summary>
    private static string ServerConnection =>
        Environment.GetEnvironmentVariable("JIEBANG_BENCH_POSTGRES") is { Length: > 0 } s ? s
            : "Host=127.0.0.1;Username=jiebang;Password=jiebang;Database=postgres;Timeout=5";

    /// <summary>The result, or null (with the reason printed) when PostgreSQL or pg_trgm is not available.</summary>
    public static MethodResult? Run(Corpus corpus, int queries, double threshold)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnection);
        try
        {
            using var probe = new NpgsqlConnection(server.ConnectionString);
            probe.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Console.WriteLine($"  pg_trgm: skipped, PostgreSQL is not reachable at {server.Host}:{server.Port} as {server.Username} ({e.Message})");
            return null;
        }

        var database = $"jiebang_bench_{Environment.ProcessId}";
        Execute(server.ConnectionString, $"DROP DATABASE IF EXISTS {database}");
        Execute(server.ConnectionString, $"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'");
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, CommandTimeout = 0 }.ConnectionString;
        try
        {
            if (!CreateExtension(connection, database)) return null;
            return Measure(corpus, queries, threshold, connection);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Console.WriteLine($"  pg_trgm: dropped database {database}");
        }
    }

    private static MethodResult Measure(Corpus corpus, int queries, double threshold, string connectionString)
    {
        var result = new MethodResult($"PostgreSQL pg_trgm, GIN (similarity ≥ {threshold.ToString(CultureInfo.InvariantCulture)})", true) { Threshold = threshold };
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "SET maintenance_work_mem = '1GB'");
        Execute(connection, "CREATE TABLE texts (id integer PRIMARY KEY, body text NOT NULL)");

        var watch = Stopwatch.StartNew();
        using (var copy = connection.BeginBinaryImport("COPY texts (id, body) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < corpus.Texts.Length; i++)
            {
                copy.StartRow();
                copy.Write(i, NpgsqlDbType.Integer);
                copy.Write(corpus.Texts[i], NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        var loaded = watch.Elapsed.TotalSeconds;
        Execute(connection, "CREATE INDEX texts_body_trgm ON texts USING gin (body gin_trgm_ops)");
        Execute(connection, "ANALYZE texts");
        result.BuildSeconds = watch.Elapsed.TotalSeconds;
        var indexBytes = Scalar<long>(connection, "SELECT pg_relation_size('texts_body_trgm')");
        var tableBytes = Scalar<long>(connection, "SELECT pg_total_relation_size('texts') - pg_indexes_size('texts')");
        result.BytesPerText = indexBytes / (double)corpus.Texts.Length;
        Console.WriteLine($"  pg_trgm: copied in {loaded:F1} s, GIN index built in {result.BuildSeconds - loaded:F1} s; index {indexBytes / (double)corpus.Texts.Length:F0} B a text, table {tableBytes / (double)corpus.Texts.Length:F0} B a text");

        Execute(connection, $"SET pg_trgm.similarity_threshold = {threshold.ToString(CultureInfo.InvariantCulture)}");
        // The GIN index is what is measured: on a small table the planner prefers a sequential scan.
        Execute(connection, "SET enable_seqscan = off");
        const string sql = "SELECT id, similarity(body, @q) AS s FROM texts WHERE body % @q ORDER BY s DESC, id LIMIT 10";
        using (var explain = new NpgsqlCommand("EXPLAIN " + sql, connection))
        {
            explain.Parameters.AddWithValue("q", corpus.Cases[0].Text);
            using var reader = explain.ExecuteReader();
            var plan = new List<string>();
            while (reader.Read()) plan.Add(reader.GetString(0).Trim());
            Console.WriteLine($"  pg_trgm: plan {string.Join(" / ", plan.Where(l => l.Contains("Scan on", StringComparison.Ordinal)).Select(l => l.Split("  (")[0]))}");
        }
        using var query = new NpgsqlCommand(sql, connection);
        var parameter = query.Parameters.Add("q", NpgsqlDbType.Text);
        query.Prepare();
        result.RunQueries(corpus.Cases, queries, text =>
        {
            parameter.Value = text;
            var hits = new List<(int Doc, double Score)>();
            using var reader = query.ExecuteReader();
            while (reader.Read()) hits.Add((reader.GetInt32(0), reader.GetFloat(1)));
            return hits;
        });
        return result;
    }

    /// <summary>
    /// pg_trgm is a trusted extension from PostgreSQL 13, so the database's owner may create it;
    /// where it is not, a superuser creates it (psql as the postgres system user).
    /// </summary>
    private static bool CreateExtension(string connectionString, string database)
    {
        try
        {
            Execute(connectionString, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine($"  pg_trgm: {e.MessageText}; creating it as the postgres superuser");
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedFile or PostgresErrorCodes.FeatureNotSupported)
        {
            Console.WriteLine($"  pg_trgm: skipped, the extension is not installed on the server ({e.MessageText})");
            return false;
        }
        try
        {
            using var psql = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "psql", "-q", "-d", database, "-c", "CREATE EXTENSION IF NOT EXISTS pg_trgm"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var error = psql.StandardError.ReadToEnd();
            psql.WaitForExit();
            if (psql.ExitCode == 0) return true;
            Console.WriteLine($"  pg_trgm: skipped, could not create the extension as postgres: {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"  pg_trgm: skipped, could not run runuser/psql to create the extension ({e.Message})");
        }
        return false;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, sql);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}
