using System.Diagnostics;
using System.Globalization;
using Jiebang.Bench;
using Jiebang.Domain.Similarity;

// dotnet run -c Release --project bench/Jiebang.Bench -- --sizes 10000,100000 [--queries 200] [--brute-queries 100]
//   [--peers-up-to 100000] [--pg-queries 50] [--pg-threshold 0.3]
// pg_trgm needs PostgreSQL (JIEBANG_BENCH_POSTGRES, else jiebang@127.0.0.1); it is skipped when unreachable or with --pg-queries 0.
var options = Options.Parse(args);
Console.WriteLine($"Jiebang.Bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, sizes {string.Join(",", options.Sizes)}");
foreach (var size in options.Sizes)
{
    var watch = Stopwatch.StartNew();
    var corpus = Corpus.Generate(size, options.Queries);
    Console.WriteLine($"\n== {size:N0} texts generated in {watch.Elapsed.TotalSeconds:F1} s, mean {corpus.Texts.Average(t => t.Length):F0} chars");
    if (args.Contains("--profile"))
    {
        Profile.Run(corpus, Tuning(args));
        continue;
    }
    var methods = new List<MethodResult> { Step("engine", () => EngineRunner.Run(corpus, options.Queries, args.Contains("--diagnose"), Tuning(args), int.Parse(Get(args, "--candidates", new SimilaritySettings().Candidates.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
        int.Parse(Get(args, "--min-passage", SimilaritySettings.DefaultFlaggedPassageChars.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture))) };
    if (size <= options.PeersUpTo)
    {
        methods.Add(Step("brute force", () => BruteForce.Run(corpus, options.BruteQueries)));
        methods.Add(Step("lucene", () => LuceneRunner.Run(corpus, options.Queries)));
        if (options.PgQueries > 0 && Step("pg_trgm", () => PgTrgmRunner.Run(corpus, options.PgQueries, options.PgThreshold)) is { } pg) methods.Add(pg);
    }
    var report = Report.Write(corpus, SimilaritySettings.DefaultThreshold, methods);
    Console.WriteLine(report);
    File.WriteAllText($"bench-{size}.md", report);
}

// Engine settings to try (defaults when absent): --stop-fraction, --min-shared-weight, --pair-window, --passage-gram,
// --passage-spacing (all saved with the index, which the harness queries after loading it); --candidates and
// --passage-candidates (what a query reads, given to the loaded index).
static SimilaritySettings Tuning(string[] args) => new()
{
    StopFraction = double.Parse(Get(args, "--stop-fraction", new SimilaritySettings().StopFraction.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    MinSharedWeight = double.Parse(Get(args, "--min-shared-weight", new SimilaritySettings().MinSharedWeight.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    PairWindow = int.Parse(Get(args, "--pair-window", new SimilaritySettings().PairWindow.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    PassageGram = int.Parse(Get(args, "--passage-gram", new SimilaritySettings().PassageGram.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    PassageCandidates = int.Parse(Get(args, "--passage-candidates", new SimilaritySettings().PassageCandidates.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    Candidates = int.Parse(Get(args, "--candidates", new SimilaritySettings().Candidates.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    PassageSpacing = int.Parse(Get(args, "--passage-spacing", new SimilaritySettings().PassageSpacing.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
};

static string Get(string[] args, string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

static T Step<T>(string name, Func<T> run)
{
    Console.WriteLine($"  running {name} …");
    var result = run();
    GC.Collect();
    return result;
}

internal sealed record Options(int[] Sizes, int Queries, int BruteQueries, int PeersUpTo, int PgQueries, double PgThreshold)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Options(
            [.. Get("--sizes", "10000,100000").Split(',').Select(int.Parse)],
            int.Parse(Get("--queries", "200"), CultureInfo.InvariantCulture),
            int.Parse(Get("--brute-queries", "100"), CultureInfo.InvariantCulture),
            int.Parse(Get("--peers-up-to", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--pg-queries", "50"), CultureInfo.InvariantCulture),
            double.Parse(Get("--pg-threshold", "0.3"), CultureInfo.InvariantCulture));
    }
}
