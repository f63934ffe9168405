using System.Diagnostics;
using Jiebang.Domain.Similarity;

namespace Jiebang.Bench;

/// <summary>
/// Our engine: build from the texts (once cold, as the first work of the process, then once to let
/// tiered compilation finish, then warm, which is the figure reported as the build rate), save, load, query, and time evidence
/// for the top 10.
/// </summary>
internal static class EngineRunner
{
    public static MethodResult Run(Corpus corpus, int queries, bool diagnose = false, SimilaritySettings? settings = null, int candidates = 30,
        int minPassage = SimilaritySettings.DefaultFlaggedPassageChars)
    {
        var result = new MethodResult("Jiebang winnowing index", true);
        // The cold build is the first work of the process (JIT included). Tiered compilation is still
        // promoting the build's methods during the second (`--profile` shows 41k, 58k, then 112k texts/s
        // for three builds of 10k), so the second is a warm-up too and the third is timed: steady state.
        result.ColdBuildSeconds = Build(corpus, settings).Seconds;
        Build(corpus, settings);
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var (built, seconds) = Build(corpus, settings);
        SimilarityIndex? index = built;
        result.BuildSeconds = seconds;
        GC.KeepAlive(index);
        result.BytesPerText = (GC.GetTotalMemory(true) - before) / (double)corpus.Texts.Length;

        var bytes = index.Save();
        (index, built) = (null, null!);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var loaded = SimilarityIndex.Load(bytes, settings);
        result.LoadSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  engine: {bytes.Length / (double)corpus.Texts.Length:F0} saved bytes a text, structures {loaded.MemoryBytes / (double)corpus.Texts.Length:F0} B a text");

        // Query latency is the index alone; confirming the candidates against their texts (which the
        // application reads from its database) is timed with the evidence for the top 10, as the same alignment.
        result.RunQueries(corpus.Cases, queries,
            text => [.. loaded.Candidates(TextSketch.ForQuery(text, loaded.Settings), candidates).Select(m => ((int)m.Id, m.Score))]);
        foreach (var (i, hits) in result.Hits.ToList())
        {
            var evidence = Stopwatch.StartNew();
            var confirmed = hits.Select(h => loaded.Confirm(new Match(h.Doc, 0, 0, h.Score), corpus.Cases[i].Text, corpus.Texts[h.Doc]))
                .OrderByDescending(m => m.Score).ToList();
            foreach (var m in confirmed.Take(10)) loaded.Evidence(corpus.Cases[i].Text, corpus.Texts[m.Id]);
            result.EvidenceMs.Add(evidence.Elapsed.TotalMilliseconds);
            result.Hits[i] = [.. confirmed.Select(m => ((int)m.Id, m.Score))];
            result.PassageFlags[i] = [.. confirmed.Where(m => m.IsFlagged(double.PositiveInfinity, minPassage)).Select(m => (int)m.Id)];
        }
        if (diagnose) Diagnose(corpus, loaded, result, minPassage);
        return result;
    }

    private static (SimilarityIndex Index, double Seconds) Build(Corpus corpus, SimilaritySettings? settings)
    {
        var watch = Stopwatch.StartNew();
        var index = new SimilarityIndex(settings);
        index.AddRange(corpus.Texts.Select((text, i) => ((long)i, text)));
        index.Compact();
        return (index, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Prints, for each planted query missed and each unrelated query flagged at the default threshold, why.</summary>
    private static void Diagnose(Corpus corpus, SimilarityIndex index, MethodResult result, int minPassage)
    {
        var threshold = SimilaritySettings.DefaultThreshold;
        foreach (var (i, hits) in result.Hits.OrderBy(h => h.Key))
        {
            var c = corpus.Cases[i];
            if (c.Source >= 0 && !hits.Any(h => h.Doc == c.Source && result.Flags(i, h, threshold)))
            {
                var ranked = index.Candidates(TextSketch.ForQuery(c.Text, index.Settings), 1000).ToList();
                var rank = ranked.FindIndex(m => m.Id == c.Source);
                var sketch = rank < 0 ? null : ranked[rank];
                var confirmed = index.Confirm(sketch ?? new Match(c.Source, 0, 0, 0), c.Text, corpus.Texts[c.Source]);
                var last = ranked.Count >= 30 ? ranked[29] : null;
                Console.WriteLine($"  miss {c.Type}{(c.PassageChars > 0 ? $" {c.PassageChars}/{c.HostChars}" : "")} #{i}: source rank {rank}, sketch {sketch?.Score:F3} (c {sketch?.Containment:F3}, seq {sketch?.Sequence:F3}), confirmed {confirmed.Score:F3}, passage {confirmed.Passage} (flag ≥ {minPassage}); 30th candidate sketch {last?.Score:F3}, seq {last?.Sequence:F3}");
            }
            foreach (var (doc, score) in hits.Where(h => h.Doc != c.Source && result.Flags(i, h, threshold) && c.Source < 0))
            {
                var sketch = index.Candidates(TextSketch.ForQuery(c.Text, index.Settings), 1000).First(m => m.Id == doc);
                var passages = index.Evidence(c.Text, corpus.Texts[doc]).OrderByDescending(e => e.ALength).Take(2)
                    .Concat(PassageAligner.Align(c.Text, corpus.Texts[doc], minPassage).Take(2))
                    .Select(e => c.Text.Substring(e.AStart, e.ALength));
                Console.WriteLine($"  false alarm #{i} → {doc} (area {corpus.Areas[doc]}): sketch {sketch.Score:F3} (c {sketch.Containment:F3}, r {sketch.Resemblance:F3}, seq {sketch.Sequence:F3}), confirmed {score:F3}; {string.Join(" | ", passages)}");
            }
        }
    }
}
