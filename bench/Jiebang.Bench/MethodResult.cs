using System.Diagnostics;

namespace Jiebang.Bench;

/// <summary>What one method returned for each case (record, score), and what it cost.</summary>
internal sealed class MethodResult(string name, bool scoresAreSimilarities)
{
    public string Name { get; } = name;

    /// <summary>False for Lucene, whose scores are not on a 0–1 scale: it is judged on its top 10.</summary>
    public bool ScoresAreSimilarities { get; } = scoresAreSimilarities;

    /// <summary>The threshold this method is judged at when it has one of its own (pg_trgm's similarity threshold); else the report's.</summary>
    public double? Threshold { get; init; }

    public double BuildSeconds { get; set; }

    /// <summary>The engine's first build in the process, JIT included; NaN for peers, whose build runs once.</summary>
    public double ColdBuildSeconds { get; set; } = double.NaN;
    public double LoadSeconds { get; set; } = double.NaN;
    public double BytesPerText { get; set; } = double.NaN;
    public Dictionary<int, List<(int Doc, double Score)>> Hits { get; } = [];

    /// <summary>For the engine: by case, the records it flags for a shared passage whatever the score.</summary>
    public Dictionary<int, HashSet<int>> PassageFlags { get; } = [];

    /// <summary>Whether <paramref name="hit"/> of case <paramref name="i"/> is reported at <paramref name="threshold"/>.</summary>
    public bool Flags(int i, (int Doc, double Score) hit, double threshold) =>
        hit.Score >= threshold || (PassageFlags.TryGetValue(i, out var flagged) && flagged.Contains(hit.Doc));
    public Dictionary<int, double> LatencyMs { get; } = [];
    public List<double> EvidenceMs { get; } = [];

    /// <summary>
    /// Runs <paramref name="query"/> on each case (or the first <paramref name="limit"/> of each type, half as
    /// many of each reused-passage length and text size), timing each.
    /// </summary>
    public void RunQueries(List<Case> cases, int limit, Func<string, List<(int Doc, double Score)>> query)
    {
        var perGroup = new Dictionary<(CaseType, int, int), int>();
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var group = (c.Type, c.PassageChars, c.HostChars);
            var seen = perGroup.GetValueOrDefault(group);
            if (seen >= (c.Type == CaseType.ReusedPassage ? Math.Max(1, limit / 2) : limit)) continue;
            perGroup[group] = seen + 1;
            var watch = Stopwatch.StartNew();
            Hits[i] = query(c.Text);
            LatencyMs[i] = watch.Elapsed.TotalMilliseconds;
        }
    }
}
