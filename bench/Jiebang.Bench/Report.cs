using System.Globalization;
using System.Text;

namespace Jiebang.Bench;

/// <summary>Markdown tables of one corpus size: quality per case type, speed, and the engine's threshold sweep.</summary>
internal static class Report
{
    public static string Write(Corpus corpus, double threshold, List<MethodResult> methods)
    {
        var text = new StringBuilder();
        var size = corpus.Texts.Length.ToString("N0", CultureInfo.InvariantCulture);
        text.AppendLine($"### {size} texts, threshold {threshold}\n");
        text.AppendLine("| method | queries a type | recall near dup. | recall paraphrase | recall reused para. | false alarms / 100 unrelated | other records flagged / planted query |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in methods)
        {
            var perType = m.Hits.Count(h => corpus.Cases[h.Key].Type == CaseType.Unrelated);
            if (!m.ScoresAreSimilarities)
            {
                text.AppendLine($"| {m.Name} (source in top 10, no threshold) | {perType} | {Recall(corpus, m, CaseType.NearDuplicate, -1):F3} | {Recall(corpus, m, CaseType.Paraphrase, -1):F3} | {Recall(corpus, m, CaseType.ReusedParagraph, -1):F3} | n/a | n/a |");
                continue;
            }
            var t = m.Threshold ?? threshold;
            text.AppendLine($"| {m.Name} | {perType} | {Recall(corpus, m, CaseType.NearDuplicate, t):F3} | {Recall(corpus, m, CaseType.Paraphrase, t):F3} | {Recall(corpus, m, CaseType.ReusedParagraph, t):F3} | {FalseAlarms(corpus, m, t):F1} | {Others(corpus, m, t):F3} |");
        }
        var engine = methods[0];
        var brute = methods.FirstOrDefault(m => m.Name.StartsWith("Exact", StringComparison.Ordinal));
        text.AppendLine(brute is null ? "" : $"\nEngine against exact brute force at {threshold}: {Agreement(engine, brute, threshold)}\n");

        text.AppendLine("| method | build texts/s | cold build texts/s | load s | memory B/text | query p50 ms | query p99 ms | p50 speed-up vs brute force |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        var bruteP50 = brute is null ? double.NaN : Percentile([.. brute.LatencyMs.Values], 0.5);
        foreach (var m in methods)
        {
            var latencies = m.LatencyMs.Values.ToList();
            var p50 = Percentile(latencies, 0.5);
            text.AppendLine($"| {m.Name} | {corpus.Texts.Length / m.BuildSeconds:N0} | {NA(corpus.Texts.Length / m.ColdBuildSeconds, "N0")} | {NA(m.LoadSeconds, "F2")} | {NA(m.BytesPerText, "N0")} | {p50:F3} | {Percentile(latencies, 0.99):F3} | {NA(bruteP50 / p50, bruteP50 / p50 < 10 ? "F1" : "N0")}× |");
        }
        if (engine.EvidenceMs.Count > 0)
            text.AppendLine($"\nEvidence spans for the top 10 of a query: p50 {Percentile(engine.EvidenceMs, 0.5):F2} ms, p99 {Percentile(engine.EvidenceMs, 0.99):F2} ms.\n");

        Passages(text, corpus, methods, threshold);
        Sweep(text, corpus, engine, "Engine threshold sweep", [0.2, 0.3, 0.31, 0.32, 0.33, 0.34, 0.35, 0.36, 0.38, 0.4, 0.5, 0.6, 0.7]);
        // pg_trgm returns only what passes its set threshold: its sweep starts there.
        foreach (var m in methods.Where(m => m.Threshold is not null))
            Sweep(text, corpus, m, $"{m.Name}: sweep over the same hits", [.. new[] { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 }.Where(t => t >= m.Threshold - 1e-9)]);
        return text.ToString();
    }

    /// <summary>Recall of short reused passages by passage length and host-text length.</summary>
    private static void Passages(StringBuilder text, Corpus corpus, List<MethodResult> methods, double threshold)
    {
        var columns = Corpus.PassageHosts.SelectMany(h => Corpus.PassageLengths.Select(l => (l, h))).ToList();
        text.AppendLine($"\nReused passages (recall at {threshold}, and for the engine its passage rule), by passage 字 / text 字:\n");
        text.AppendLine("| method | " + string.Join(" | ", columns.Select(c => $"{c.l} in {c.h}")) + " |");
        text.AppendLine("|---|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var m in methods.Where(m => m.ScoresAreSimilarities))
        {
            var t = m.Threshold ?? threshold;
            var cells = columns.Select(c =>
            {
                var cases = m.Hits.Where(h => corpus.Cases[h.Key] is { Type: CaseType.ReusedPassage } k && k.PassageChars == c.l && k.HostChars == c.h).ToList();
                return cases.Count == 0 ? "n/a" : (cases.Count(h => h.Value.Any(x => x.Doc == corpus.Cases[h.Key].Source && m.Flags(h.Key, x, t))) / (double)cases.Count).ToString("F3", CultureInfo.InvariantCulture);
            });
            text.AppendLine($"| {m.Name} | {string.Join(" | ", cells)} |");
        }
    }

    private static void Sweep(StringBuilder text, Corpus corpus, MethodResult m, string title, double[] thresholds)
    {
        text.AppendLine($"\n{title}:\n");
        text.AppendLine("| threshold | near dup. | paraphrase | reused para. | false alarms / 100 unrelated |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var t in thresholds)
            text.AppendLine($"| {t} | {Recall(corpus, m, CaseType.NearDuplicate, t):F3} | {Recall(corpus, m, CaseType.Paraphrase, t):F3} | {Recall(corpus, m, CaseType.ReusedParagraph, t):F3} | {FalseAlarms(corpus, m, t):F1} |");
    }

    private static string NA(double value, string format) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static IEnumerable<(int Index, Case Case, List<(int Doc, double Score)> Hits)> Of(Corpus corpus, MethodResult m, CaseType type) =>
        m.Hits.Where(h => corpus.Cases[h.Key].Type == type).Select(h => (h.Key, corpus.Cases[h.Key], h.Value));

    /// <summary>Share of planted queries whose source comes back at or above the threshold (any rank in the top 10 when it is −1).</summary>
    private static double Recall(Corpus corpus, MethodResult m, CaseType type, double threshold)
    {
        var cases = Of(corpus, m, type).ToList();
        return cases.Count == 0 ? double.NaN : cases.Count(c => c.Hits.Any(h => h.Doc == c.Case.Source && (threshold < 0 || m.Flags(c.Index, h, threshold)))) / (double)cases.Count;
    }

    /// <summary>Unrelated same-area queries with at least one record flagged, per 100.</summary>
    private static double FalseAlarms(Corpus corpus, MethodResult m, double threshold)
    {
        var cases = Of(corpus, m, CaseType.Unrelated).ToList();
        return cases.Count == 0 ? double.NaN : 100.0 * cases.Count(c => c.Hits.Any(h => m.Flags(c.Index, h, threshold))) / cases.Count;
    }

    private static double Others(Corpus corpus, MethodResult m, double threshold)
    {
        var planted = m.Hits.Where(h => corpus.Cases[h.Key].Source >= 0).ToList();
        return planted.Count == 0 ? double.NaN : planted.Sum(h => h.Value.Count(x => x.Doc != corpus.Cases[h.Key].Source && m.Flags(h.Key, x, threshold))) / (double)planted.Count;
    }

    private static string Agreement(MethodResult engine, MethodResult brute, double threshold)
    {
        int both = 0, bruteOnly = 0, engineOnly = 0;
        foreach (var (i, exact) in brute.Hits)
        {
            if (!engine.Hits.TryGetValue(i, out var estimated)) continue;
            var e = estimated.Where(h => h.Score >= threshold).Select(h => h.Doc).ToHashSet();
            var x = exact.Where(h => h.Score >= threshold).Select(h => h.Doc).ToHashSet();
            both += e.Intersect(x).Count();
            bruteOnly += x.Except(e).Count();
            engineOnly += e.Except(x).Count();
        }
        return $"{both} pairs flagged by both, {bruteOnly} by brute force only (engine recall {both / (double)Math.Max(1, both + bruteOnly):F3}), {engineOnly} by the engine only";
    }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
