namespace Jiebang.Domain.Similarity;

public sealed partial class SimilarityIndex
{
    /// <summary>
    /// Accumulates, for every record sharing a fingerprint with the query, the shared weight and,
    /// <paramref name="bySequence"/>, the shared weight of fingerprint pairs; keeps those scoring at
    /// least <paramref name="threshold"/>, best first by score or, <paramref name="bySequence"/>, by
    /// score plus sequence (the two kinds of evidence add up: shared weight, and that order).
    /// </summary>
    private List<Match> QueryLocked(TextSketch sketch, int top, double threshold, bool bySequence)
    {
        var shared = s_shared is { } s && s.Length >= _count ? s : s_shared = new float[Math.Max(_count, 1024) * 2];
        var pairShared = !bySequence ? null : s_pairShared is { } p && p.Length >= _count ? p : s_pairShared = new float[Math.Max(_count, 1024) * 2];
        var touched = s_touched ??= [];
        touched.Clear();
        var stop = StopCount();
        var queryWeight = Accumulate(_postings, sketch.Keys, shared, pairShared, touched, documents => Weight(documents, stop));
        if (pairShared is not null) Accumulate(_pairs, sketch.PairKeys, pairShared, shared, touched, documents => PairWeight(documents, stop));
        // The best `top` in a min-heap on rank: a common query touches a large share of the corpus,
        // and neither a Match for each record touched nor a sort of them all is needed.
        var best = new PriorityQueue<Match, Rank>(top + 1);
        foreach (var doc in touched)
        {
            var common = shared[doc];
            var pairs = pairShared?[doc] ?? 0;
            shared[doc] = 0;
            if (pairShared is not null) pairShared[doc] = 0;
            if (Math.Max(common, pairs) < Settings.MinSharedWeight) continue;
            var docWeight = Math.Max(_weights[doc], common);
            var score = Score(common, queryWeight, docWeight);
            if (score < threshold) continue;
            var rank = score + (bySequence ? Sequence(pairs) : 0);
            var ranked = new Rank(rank, pairs, _ids[doc]);
            if (best.Count == top && best.TryPeek(out _, out var lowest) && ranked.CompareTo(lowest) <= 0) continue;
            best.Enqueue(Measure(_ids[doc], common, queryWeight, docWeight, pairs), ranked);
            if (best.Count > top) best.Dequeue();
        }
        var matches = new List<Match>(best.Count);
        while (best.TryDequeue(out var match, out _)) matches.Add(match);
        matches.Reverse();
        return matches;
    }

    /// <summary>
    /// A candidate's place: by score (plus sequence, for candidates); on a tie, the record sharing more
    /// in order, then the older record (the one a copy is more likely to be taken from), so that
    /// which of two equal records makes the cut does not depend on the order they were met in.
    /// </summary>
    private readonly record struct Rank(double Value, double Pairs, long Id) : IComparable<Rank>
    {
        public int CompareTo(Rank other) =>
            Value != other.Value ? Value.CompareTo(other.Value)
            : Pairs != other.Pairs ? Pairs.CompareTo(other.Pairs)
            : other.Id.CompareTo(Id);
    }

    /// <summary>
    /// Adds the weight of each of <paramref name="keys"/> found in <paramref name="postings"/> to its
    /// records' entry of <paramref name="shared"/>; a record is touched the first time either
    /// accumulator (<paramref name="shared"/> or <paramref name="other"/>) gets weight. Returns the keys' total weight.
    /// </summary>
    private float Accumulate(PostingIndex postings, uint[] keys, float[] shared, float[]? other, List<int> touched, Func<int, float> weightOf)
    {
        var total = 0f;
        foreach (var key in keys)
        {
            var weight = weightOf(postings.Count(key));
            total += weight;
            if (weight == 0) continue;
            foreach (var doc in postings.Frozen(key)) Accumulate(shared, other, touched, doc, weight);
            var state = (shared, other, touched, weight, this);
            postings.VisitTail(key, ref state, static (ref st, doc) => st.Item5.Accumulate(st.shared, st.other, st.touched, doc, st.weight));
        }
        return total;
    }

    private void Accumulate(float[] shared, float[]? other, List<int> touched, int doc, float weight)
    {
        if (!_alive[doc]) return;
        if (shared[doc] == 0 && (other is null || other[doc] == 0)) touched.Add(doc);
        shared[doc] += weight;
    }

    private Match Measure(long id, double common, double queryWeight, double docWeight, double pairs)
    {
        var resemblance = common / Math.Max(queryWeight + docWeight - common, common);
        var containment = Math.Min(1, common / Math.Max(Math.Min(queryWeight, docWeight), common));
        return new Match(id, resemblance, containment, Score(common, queryWeight, docWeight), Sequence(pairs));
    }

    /// <summary>max(containment, shared 字 / <see cref="SimilaritySettings.PassageChars"/>), capped at 1.</summary>
    private double Score(double common, double queryWeight, double docWeight)
    {
        var containment = Math.Min(1, common / Math.Max(Math.Min(queryWeight, docWeight), common));
        return Math.Max(containment, Math.Min(1, common * CharsPerFingerprint / Settings.PassageChars));
    }

    /// <summary>Shared pair weight as 字 of text shared in order over <see cref="SimilaritySettings.PassageChars"/>, capped at 1.</summary>
    private double Sequence(double pairs) => Math.Min(1, pairs * (Settings.PairWindow + 1) / 2 * CharsPerFingerprint / Settings.PassageChars);

    /// <summary>Winnowing keeps about 2/(w+1) of the shingles, so a fingerprint stands for (w+1)/2 字.</summary>
    private double CharsPerFingerprint => (Settings.Window + 1) / 2.0;

    private int StopCount() => Math.Max(Settings.MinStopDocuments, (int)(Settings.StopFraction * _byId.Count));

    /// <summary>1 for rare fingerprints, 0 above the boilerplate cut, log-linear in between.</summary>
    private static float Weight(int documents, int stop)
    {
        var rare = stop / 8.0;
        if (documents <= rare) return 1f;
        if (documents > stop) return 0f;
        return (float)(Math.Log(stop / (double)documents) / Math.Log(stop / rare));
    }

    /// <summary>
    /// The evidence of sharing a pair found in <paramref name="documents"/> texts: log(N / documents)
    /// over log N, 1 for a pair of one text, ½ for one of √N texts, 0 above the boilerplate cut. A pair
    /// of an area's stock phrasing recurs in hundreds of texts; one of a copied paragraph in a few.
    /// </summary>
    private float PairWeight(int documents, int stop)
    {
        if (documents > stop || documents == 0) return 0f;
        var n = Math.Max(_byId.Count, 2);
        return (float)Math.Max(0, Math.Log(n / (double)documents) / Math.Log(n));
    }
}
