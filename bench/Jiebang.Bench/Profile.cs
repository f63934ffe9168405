using System.Diagnostics;
using Jiebang.Domain.Similarity;

namespace Jiebang.Bench;

/// <summary>
/// <c>--profile</c>: where the build time goes, on one thread and warm (each step run once before
/// it is timed): the sketching steps one by one, then adding the sketches to an index, with the
/// adds that merged (those over a millisecond) apart, and the final merge.
/// </summary>
internal static class Profile
{
    public static void Run(Corpus corpus, SimilaritySettings settings)
    {
        Builds(corpus, settings);
        var texts = corpus.Texts;
        Time("normalise", texts, text => TextNormalizer.NormalizeText(text).Length);
        var normalized = texts.Select(TextNormalizer.NormalizeText).ToArray();
        Time("shingle hashes", normalized, text => Shingles.Hashes(text).Length);
        var hashes = normalized.Select(text => Shingles.Hashes(text)).ToArray();
        Time("winnowing", hashes, h => Winnowing.SelectedInOrder(h, settings.Window).Length);
        var selected = hashes.Select(h => Winnowing.SelectedInOrder(h, settings.Window)).ToArray();
        Time("pairs (hash + winnow)", selected, s => FingerprintPairs.Of(s, settings.PairWindow).Length);
        Time("whole sketch", texts, text => TextSketch.Of(text, settings).Length);
        var sketches = texts.Select(text => TextSketch.Of(text, settings)).ToArray();
        for (var round = 0; round < 2; round++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.For(0, texts.Length, i => sketches[i] = TextSketch.Of(texts[i], settings));
            Console.WriteLine($"  profile whole sketch, Parallel.For on {Environment.ProcessorCount} cores: {watch.Elapsed.TotalMilliseconds * 1000 / texts.Length:F2} µs a text");
        }
        for (var round = 0; round < 2; round++)
        {
            var watch = Stopwatch.StartNew();
            var all = new TextSketch[texts.Length];
            Parallel.For(0, texts.Length, i => all[i] = TextSketch.Of(texts[i], settings));
            var sketched = watch.Elapsed.TotalMilliseconds;
            var index = new SimilarityIndex(settings);
            for (var i = 0; i < all.Length; i++) index.Add(i, all[i]);
            index.Compact();
            Console.WriteLine($"  profile sketch all in parallel, then index (round {round}): {sketched:F0} + {watch.Elapsed.TotalMilliseconds - sketched:F0} ms, {texts.Length / watch.Elapsed.TotalSeconds:N0} texts/s");
        }
        // A checksum of every sketch's bytes: a change to sketching that should select the same fingerprints must keep it.
        using var checksum = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var sketch in sketches) checksum.AppendData(sketch.ToBytes());
        Console.WriteLine($"  profile sketch checksum: {Convert.ToHexString(checksum.GetHashAndReset())[..16]}");
        for (var round = 0; round < 2; round++)
        {
            var index = new SimilarityIndex(settings);
            double adds = 0, merges = 0;
            var merged = 0;
            var watch = new Stopwatch();
            for (var i = 0; i < sketches.Length; i++)
            {
                watch.Restart();
                index.Add(i, sketches[i]);
                var ms = watch.Elapsed.TotalMilliseconds;
                if (ms > 1) { merges += ms; merged++; }
                else adds += ms;
            }
            watch.Restart();
            index.Compact();
            var compact = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  profile index (round {round}): adds {adds:F0} ms, {merged} merging adds {merges:F0} ms, final merge {compact:F0} ms, total {adds + merges + compact:F0} ms");
        }
    }

    /// <summary>The build as the benchmark times it (AddRange, then Compact), three times, with the collections it took.</summary>
    public static void Builds(Corpus corpus, SimilaritySettings settings)
    {
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pause = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            var index = new SimilarityIndex(settings);
            index.AddRange(corpus.Texts.Select((text, i) => ((long)i, text)));
            var added = watch.Elapsed.TotalMilliseconds;
            index.Compact();
            Console.WriteLine($"  profile build (round {round}): AddRange {added:F0} ms, Compact {watch.Elapsed.TotalMilliseconds - added:F0} ms, "
                + $"{corpus.Texts.Length / watch.Elapsed.TotalSeconds:N0} texts/s; collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, "
                + $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
        }
    }

    private static void Time<T>(string step, T[] items, Func<T, int> work)
    {
        var sink = 0;
        foreach (var item in items.Take(2000)) sink += work(item);
        var watch = Stopwatch.StartNew();
        foreach (var item in items) sink += work(item);
        Console.WriteLine($"  profile {step}: {watch.Elapsed.TotalMilliseconds:F0} ms ({watch.Elapsed.TotalMilliseconds * 1000 / items.Length:F2} µs a text) [{sink % 10}]");
    }
}
