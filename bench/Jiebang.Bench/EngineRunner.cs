using System.Diagnostics;
using Jiebang.Domain.Similarity;

namespace Jiebang.Bench;

/// <summary>Our engine: build from the texts, save, load, query, and time evidence for the top 10.</summary>
internal static class EngineRunner
{
    public static MethodResult Run(Corpus corpus, int queries)
    {
        var result = new MethodResult("Jiebang winnowing index", true);
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var index = new SimilarityIndex();
        index.AddRange(corpus.Texts.Select((text, i) => ((long)i, text)));
        index.Compact();
        result.BuildSeconds = watch.Elapsed.TotalSeconds;
        GC.KeepAlive(index);
        result.BytesPerText = (GC.GetTotalMemory(true) - before) / (double)corpus.Texts.Length;

        var bytes = index.Save();
        index = null;
        GC.Collect();
        watch.Restart();
        var loaded = SimilarityIndex.Load(bytes);
        result.LoadSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  engine: {bytes.Length / (double)corpus.Texts.Length:F0} saved bytes a text, structures {loaded.MemoryBytes / (double)corpus.Texts.Length:F0} B a text");

        // Query latency is the index alone; confirming the top 10 against their texts (which the
        // application reads from its database) is timed with the evidence, as the same alignment.
        var candidates = new Dictionary<int, IReadOnlyList<Match>>();
        result.RunQueries(corpus.Cases, queries, text => [.. loaded.Query(text, 10, 0.0).Select(m => ((int)m.Id, m.Score))]);
        foreach (var (i, hits) in result.Hits.ToList())
        {
            var evidence = Stopwatch.StartNew();
            var confirmed = hits.Select(h => loaded.Confirm(new Match(h.Doc, 0, 0, h.Score), corpus.Cases[i].Text, corpus.Texts[h.Doc])).ToList();
            foreach (var (doc, _) in hits) loaded.Evidence(corpus.Cases[i].Text, corpus.Texts[doc]);
            result.EvidenceMs.Add(evidence.Elapsed.TotalMilliseconds);
            result.Hits[i] = [.. confirmed.Select(m => ((int)m.Id, m.Score))];
        }
        return result;
    }
}
