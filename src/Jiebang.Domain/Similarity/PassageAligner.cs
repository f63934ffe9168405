namespace Jiebang.Domain.Similarity;

/// <summary>
/// Finds the passages two texts share: maximal runs of identical normalised characters, found
/// from 8-字 seeds and extended, then joined across small gaps (a swapped synonym, a changed
/// number) so that a reviewer sees one highlighted passage rather than a dozen fragments.
/// </summary>
public static class PassageAligner
{
    private const int SeedLength = 8;
    private const int MaxGap = 4;
    private const int MaxSeedOccurrences = 32; // bounds the work on text that repeats itself

    /// <summary>Shared passages of at least <paramref name="minLength"/> normalised 字, in the order of <paramref name="a"/>.</summary>
    public static IReadOnlyList<EvidenceSpan> Align(string a, string b, int minLength = 12)
    {
        var na = TextNormalizer.Normalize(a);
        var nb = TextNormalizer.Normalize(b);
        return ToOriginal(Join(Runs(na.Text, nb.Text), minLength), na, nb);
    }

    /// <summary>
    /// Runs of at least 8 identical characters (start in a, start in b, length), no two overlapping
    /// in either text. Shorter than the reported minimum on purpose: two runs either side of a
    /// swapped word make one passage.
    /// </summary>
    internal static List<(int A, int B, int Length)> Runs(string a, string b)
    {
        const int seed = SeedLength;
        const int minLength = SeedLength;
        var runs = new List<(int A, int B, int Length)>();
        if (a.Length < seed || b.Length < seed) return runs;
        var firstAt = new Dictionary<ulong, int>();
        var next = new int[b.Length];
        for (var j = b.Length - seed; j >= 0; j--)
        {
            var key = SeedKey(b.AsSpan(j, seed));
            next[j] = firstAt.TryGetValue(key, out var later) ? later : -1;
            firstAt[key] = j;
        }
        var reachedOnDiagonal = new Dictionary<int, int>(); // diagonal a − b → end in a of the last run on it
        for (var i = 0; i + seed <= a.Length; i++)
        {
            if (!firstAt.TryGetValue(SeedKey(a.AsSpan(i, seed)), out var j)) continue;
            for (var seen = 0; j >= 0 && seen < MaxSeedOccurrences; j = next[j], seen++)
            {
                if (reachedOnDiagonal.TryGetValue(i - j, out var end) && end > i) continue;
                var length = 0;
                while (i + length < a.Length && j + length < b.Length && a[i + length] == b[j + length]) length++;
                reachedOnDiagonal[i - j] = i + length;
                if (length >= minLength) runs.Add((i, j, length));
            }
        }
        return Disjoint(runs);
    }

    /// <summary>Keeps the longest runs first, so that a passage repeated in one text is matched once.</summary>
    private static List<(int A, int B, int Length)> Disjoint(List<(int A, int B, int Length)> runs)
    {
        var kept = new List<(int A, int B, int Length)>();
        foreach (var run in runs.OrderByDescending(r => r.Length).ThenBy(r => r.A))
        {
            if (kept.Exists(k => Overlaps(k.A, k.Length, run.A, run.Length) || Overlaps(k.B, k.Length, run.B, run.Length))) continue;
            kept.Add(run);
        }
        kept.Sort((x, y) => x.A.CompareTo(y.A));
        return kept;
    }

    private static bool Overlaps(int s1, int l1, int s2, int l2) => s1 < s2 + l2 && s2 < s1 + l1;

    /// <summary>
    /// Joins consecutive runs separated by at most <see cref="MaxGap"/> characters in both texts,
    /// and keeps the passages of at least <paramref name="minLength"/> characters in a.
    /// </summary>
    internal static List<(int AStart, int AEnd, int BStart, int BEnd)> Join(List<(int A, int B, int Length)> runs, int minLength)
    {
        var joined = new List<(int AStart, int AEnd, int BStart, int BEnd)>();
        foreach (var (a, b, length) in runs)
        {
            if (joined.Count > 0)
            {
                var last = joined[^1];
                int gapA = a - last.AEnd, gapB = b - last.BEnd;
                if (gapA is >= 0 and <= MaxGap && gapB is >= 0 and <= MaxGap)
                {
                    joined[^1] = (last.AStart, a + length, last.BStart, b + length);
                    continue;
                }
            }
            joined.Add((a, a + length, b, b + length));
        }
        joined.RemoveAll(p => p.AEnd - p.AStart < minLength);
        return joined;
    }

    /// <summary>
    /// The runs grouped as <see cref="Join"/> joins them, each group with its passage's extent in a:
    /// the runs are the characters the two texts share exactly, the extent includes the small gaps.
    /// </summary>
    internal static List<(int AStart, int AEnd, List<(int A, int B, int Length)> Runs)> Groups(List<(int A, int B, int Length)> runs)
    {
        var groups = new List<(int AStart, int AEnd, List<(int A, int B, int Length)> Runs)>();
        (int A, int B, int Length)? previous = null;
        foreach (var run in runs)
        {
            if (previous is { } last && groups.Count > 0 && run.A - (last.A + last.Length) is >= 0 and <= MaxGap
                && run.B - (last.B + last.Length) is >= 0 and <= MaxGap)
            {
                var group = groups[^1];
                group.Runs.Add(run);
                groups[^1] = (group.AStart, run.A + run.Length, group.Runs);
            }
            else groups.Add((run.A, run.A + run.Length, [run]));
            previous = run;
        }
        return groups;
    }

    /// <summary>Maps normalised ranges to ranges of the original strings, from first to last character kept.</summary>
    internal static IReadOnlyList<EvidenceSpan> ToOriginal(List<(int AStart, int AEnd, int BStart, int BEnd)> spans, NormalizedText a, NormalizedText b) =>
        spans.Select(s => new EvidenceSpan(
            a.Offsets[s.AStart], a.Offsets[s.AEnd - 1] + 1 - a.Offsets[s.AStart],
            b.Offsets[s.BStart], b.Offsets[s.BEnd - 1] + 1 - b.Offsets[s.BStart])).ToList();

    private static ulong SeedKey(ReadOnlySpan<char> seed)
    {
        var hash = 14695981039346656037UL; // FNV-1a: seeds are compared character by character anyway
        foreach (var c in seed) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
