using System.Diagnostics;
using Jiebang.Domain.Similarity;

namespace Jiebang.Bench;

/// <summary>
/// The exact values the engine estimates: every shingle of every text, weighted by its exact
/// document frequency with the engine's boilerplate rule, compared with every text.
/// </summary>
internal sealed class BruteForce
{
    private readonly SimilaritySettings _settings = new();
    private readonly Dictionary<uint, float> _weights = [];
    private uint[][] _keys = [];
    private float[][] _keyWeights = [];
    private float[] _sizes = [];

    public static MethodResult Run(Corpus corpus, int queries)
    {
        var result = new MethodResult("Exact brute force", true);
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var brute = new BruteForce();
        brute.Build(corpus.Texts);
        result.BuildSeconds = watch.Elapsed.TotalSeconds;
        GC.KeepAlive(brute);
        result.BytesPerText = (GC.GetTotalMemory(true) - before) / (double)corpus.Texts.Length;
        result.RunQueries(corpus.Cases, queries, brute.Query);
        return result;
    }

    private void Build(string[] texts)
    {
        var sets = new uint[texts.Length][];
        Parallel.For(0, texts.Length, i =>
        {
            var set = Shingles.Hashes(TextNormalizer.NormalizeText(texts[i])).Distinct().ToArray();
            Array.Sort(set);
            sets[i] = set;
        });
        var frequency = new Dictionary<uint, int>();
        foreach (var set in sets) foreach (var key in set) frequency[key] = frequency.GetValueOrDefault(key) + 1;
        var stop = Math.Max(_settings.MinStopDocuments, (int)(_settings.StopFraction * texts.Length));
        foreach (var (key, documents) in frequency) _weights[key] = Weight(documents, stop);
        _keys = new uint[texts.Length][];
        _keyWeights = new float[texts.Length][];
        _sizes = new float[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            _keys[i] = [.. sets[i].Where(k => _weights[k] > 0)];
            _keyWeights[i] = [.. _keys[i].Select(k => _weights[k])];
            _sizes[i] = _keyWeights[i].Sum();
        }
    }

    /// <summary>Every text with an exact score of at least 0.2, best first, top 10.</summary>
    public List<(int Doc, double Score)> Query(string text)
    {
        var query = Shingles.Hashes(TextNormalizer.NormalizeText(text)).Distinct().ToArray();
        Array.Sort(query);
        var weights = query.Select(k => _weights.GetValueOrDefault(k, 1f)).ToArray();
        var querySize = weights.Sum();
        var found = new System.Collections.Concurrent.ConcurrentBag<(int, double)>();
        Parallel.For(0, _keys.Length, doc =>
        {
            var (keys, keyWeights) = (_keys[doc], _keyWeights[doc]);
            double common = 0;
            for (int a = 0, b = 0; a < query.Length && b < keys.Length;)
            {
                if (query[a] < keys[b]) a++;
                else if (query[a] > keys[b]) b++;
                else { common += keyWeights[b]; a++; b++; }
            }
            if (common < 1) return;
            var containment = common / Math.Max(Math.Min(querySize, _sizes[doc]), common);
            var score = Math.Max(containment, Math.Min(1, common / _settings.PassageChars)); // one shingle is one 字
            if (score >= 0.2) found.Add((doc, score));
        });
        return [.. found.OrderByDescending(f => f.Item2).Take(10)];
    }

    // The engine's weight, on exact document frequencies of shingles.
    private static float Weight(int documents, int stop)
    {
        var rare = stop / 8.0;
        if (documents <= rare) return 1f;
        if (documents > stop) return 0f;
        return (float)(Math.Log(stop / (double)documents) / Math.Log(stop / rare));
    }
}
