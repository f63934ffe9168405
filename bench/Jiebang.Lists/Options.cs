namespace Jiebang.Lists;

/// <summary>
/// --demands N (100000): demand records in the database; --export N (10000): rows of the timed export (a round of
/// their own); --repeat N (7): timed runs of each case after one untimed; --providers sqlite,postgres;
/// --reuse: keep a database an earlier run filled (with --keep) instead of making it again; --keep: leave it;
/// --database NAME (jiebang_lists_bench): the PostgreSQL database; --sqlite PATH ($TMPDIR/jiebang-lists-bench.db): the SQLite file.
/// </summary>
public sealed record Options(int Demands, int Export, int Repeat, IReadOnlyList<string> Providers, bool Reuse, bool Keep, string Postgres,
    string SqlitePath, string Database)
{
    public const string DefaultDatabase = "jiebang_lists_bench";

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var server = Environment.GetEnvironmentVariable("JIEBANG_BENCH_POSTGRES") ?? "Host=127.0.0.1;Username=jiebang;Password=jiebang;Database=postgres";
        return new Options(
            int.Parse(Value("--demands") ?? "100000"), int.Parse(Value("--export") ?? "10000"), int.Parse(Value("--repeat") ?? "7"),
            (Value("--providers") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries),
            args.Contains("--reuse"), args.Contains("--keep"), server,
            Value("--sqlite") ?? Path.Combine(Path.GetTempPath(), "jiebang-lists-bench.db"),
            Value("--database") is { } name ? (IsPlainName(name) ? name : throw new ArgumentException($"--database {name}: letters, digits and _ only")) : DefaultDatabase);
    }

    /// <summary>The name goes into CREATE and DROP DATABASE as it is, so it must be a plain identifier.</summary>
    static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 63 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
