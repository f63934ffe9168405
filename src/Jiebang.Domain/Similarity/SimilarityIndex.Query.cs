namespace Jiebang.Domain.Similarity;

public sealed partial class SimilarityIndex
{
    /// <summary>
    /// Accumulates, for every record sharing a fingerprint with the query, the shared weight and,
    /// <paramref name="bySequence"/>, the 字 the two texts share in order as the fingerprint pairs and
    /// passage n-grams they share estimate; keeps those scoring at least <paramref name="threshold"/>,
    /// best first by score or, <paramref name="bySequence"/>, by score plus sequence (the two kinds of
    /// evidence add up: shared weight, and that order).
    /// </summary>
    private List<Match> QueryLocked(TextSketch sketch, int top, double threshold, bool bySequence)
    {
        var gathered = s_gathered is { } g && g.Length >= _count ? g : s_gathered = new Gathered[Math.Max(_count, 1024) * 2];
        var touched = new Touched(s_touched ??= [], gathered, NextGeneration());
        var stop = StopCount();
        var queryWeight = Accumulate(_postings, sketch.Keys, touched, inOrder: false, documents => Weight(documents, stop));
        if (bySequence)
        {
            var charsPerPair = (float)((Settings.PairWindow + 1) / 2.0 * CharsPerFingerprint);
            Accumulate(_pairs, sketch.PairKeys, touched, inOrder: true, documents => charsPerPair * PairWeight(documents, stop));
            AccumulatePassages(sketch.QueryPassageKeys ?? sketch.PassageKeys, touched);
        }
        // The best `top` in a min-heap on rank: a common query touches a large share of the corpus,
        // and neither a Match for each record touched nor a sort of them all is needed. Beside it, the
        // records sharing the most passage n-gram weight, for the places kept for them.
        var best = new PriorityQueue<(Match, Rank), Rank>(top + 1);
        var reserved = bySequence ? Math.Min(top, Settings.PassageCandidates) : 0;
        var byPassage = new PriorityQueue<(Match, Rank), Rank>(reserved + 1);
        foreach (var doc in touched.Documents)
        {
            ref readonly var record = ref gathered[doc];
            var common = record.Shared;
            var rarestPassage = record.Rarest;
            var chars = record.InOrder + record.Passage;
            // Below one fingerprint of content, or half a passage n-gram's worth in order, there is nothing to confirm.
            if (common < Settings.MinSharedWeight && chars < Settings.PassageSpacing / 2.0) continue;
            var docWeight = Math.Max(_weights[doc], common);
            var score = Score(common, queryWeight, docWeight);
            if (score < threshold) continue;
            var rank = score + (bySequence ? Sequence(chars) : 0);
            var ranked = new Rank(rank, chars, _ids[doc]);
            var fits = best.Count < top || (best.TryPeek(out _, out var lowest) && ranked.CompareTo(lowest) > 0);
            var passageRank = new Rank(rarestPassage, rank, _ids[doc]);
            var fitsByPassage = reserved > 0 && rarestPassage >= 0.5
                && (byPassage.Count < reserved || (byPassage.TryPeek(out _, out var lowestByPassage) && passageRank.CompareTo(lowestByPassage) > 0));
            if (!fits && !fitsByPassage) continue;
            var match = Measure(_ids[doc], common, queryWeight, docWeight, chars);
            if (fits)
            {
                best.Enqueue((match, ranked), ranked);
                if (best.Count > top) best.Dequeue();
            }
            if (fitsByPassage)
            {
                byPassage.Enqueue((match, ranked), passageRank);
                if (byPassage.Count > reserved) byPassage.Dequeue();
            }
        }
        // The best by rank, less as many of the last as the records kept for their passages that are not among them.
        var kept = byPassage.UnorderedItems.Select(item => item.Element).ToList();
        var ranks = best.UnorderedItems.Select(item => item.Element).OrderByDescending(e => e.Item2).ToList();
        var extra = kept.Where(k => !ranks.Exists(r => r.Item1.Id == k.Item1.Id)).ToList();
        return [.. ranks.Take(Math.Max(0, top - extra.Count)).Concat(extra).OrderByDescending(e => e.Item2).Select(e => e.Item1)];
    }

    /// <summary>The records touched by a query, each once: a stamp of this query's generation marks those already listed.</summary>
    private readonly record struct Touched(List<int> Documents, Gathered[] Records, int Generation);

    /// <summary>
    /// What a query gathers about one record, side by side: at 1M texts a query touches tens of thousands of
    /// records, and five arrays of them (fingerprint weight, pair and passage 字, rarest passage n-gram, stamp)
    /// cost five cache misses a record where this costs one. Zeroed when the record is first touched.
    /// </summary>
    private struct Gathered
    {
        public float Shared, InOrder, Passage, Rarest;
        public int Stamp;
    }

    [ThreadStatic] private static Gathered[]? s_gathered;
    [ThreadStatic] private static List<int>? s_touched;

    [ThreadStatic] private static int t_generation;

    private static int NextGeneration()
    {
        if (t_generation == int.MaxValue)
        {
            t_generation = 0;
            if (s_gathered is not null) Array.Clear(s_gathered);
        }
        s_touched?.Clear();
        return ++t_generation;
    }

    /// <summary>
    /// A candidate's place: by score (plus sequence, for candidates); on a tie, the record sharing more
    /// in order (<c>Pairs</c>: 字 shared in order), then the older record (the one a copy is more likely to be taken from), so that
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
    /// records' shared weight (or, <paramref name="inOrder"/>, their 字 shared in order), and lists each
    /// record the first time the query touches it. Returns the keys' total weight.
    /// </summary>
    private float Accumulate(PostingIndex postings, uint[] keys, Touched touched, bool inOrder, Func<int, float> weightOf)
    {
        var total = 0f;
        foreach (var key in keys)
        {
            // One search of the frozen part a key: at 1M texts each is a few cache misses, and a query makes hundreds.
            var frozen = postings.Frozen(key);
            var weight = weightOf(frozen.Length + postings.TailCount(key));
            total += weight;
            if (weight == 0) continue;
            foreach (var doc in frozen) Accumulate(touched, doc, weight, inOrder);
            var state = (touched, weight, inOrder, this);
            postings.VisitTail(key, ref state, static (ref st, doc) => st.Item4.Accumulate(st.touched, doc, st.weight, st.inOrder));
        }
        return total;
    }

    /// <summary>
    /// Adds, for each record holding one of the query's passage n-grams, the 字 it stands for (the spacing,
    /// times its weight) to its passage 字, and keeps the weight of the rarest one: a single n-gram held by the
    /// query and the source alone is the evidence of a short copied passage, which many n-grams of the
    /// area's phrasing, each held by dozens, must not outweigh.
    /// </summary>
    private void AccumulatePassages(uint[] keys, Touched touched)
    {
        var stop = PassageStopCount();
        foreach (var key in keys)
        {
            var frozen = _passages.Frozen(key);
            var documents = frozen.Length + _passages.TailCount(key);
            if (documents == 0 || documents > stop) continue;
            var weight = PassageWeight(documents, stop);
            foreach (var doc in frozen) AccumulatePassage(touched, doc, weight);
            var state = (touched, weight, this);
            _passages.VisitTail(key, ref state, static (ref st, doc) => st.Item3.AccumulatePassage(st.touched, doc, st.weight));
        }
    }

    private void AccumulatePassage(Touched touched, int doc, float weight)
    {
        if (!_alive[doc]) return;
        ref var record = ref Touch(touched, doc);
        record.Passage += weight * Settings.PassageSpacing;
        if (weight > record.Rarest) record.Rarest = weight;
    }

    /// <summary>1 for a passage n-gram of one text, falling as log(stop / documents) to 0 at the cut: sharper than a fingerprint's weight.</summary>
    private static float PassageWeight(int documents, int stop) => (float)(Math.Log((stop + 1.0) / documents) / Math.Log(stop + 1.0));

    private void Accumulate(Touched touched, int doc, float weight, bool inOrder)
    {
        if (!_alive[doc]) return;
        ref var record = ref Touch(touched, doc);
        if (inOrder) record.InOrder += weight;
        else record.Shared += weight;
    }

    /// <summary>The record's entry for this query: listed and zeroed the first time the query touches it.</summary>
    private static ref Gathered Touch(Touched touched, int doc)
    {
        ref var record = ref touched.Records[doc];
        if (record.Stamp != touched.Generation)
        {
            record = new Gathered { Stamp = touched.Generation };
            touched.Documents.Add(doc);
        }
        return ref record;
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

    /// <summary>字 of text shared in order over <see cref="SimilaritySettings.PassageChars"/>, capped at 1.</summary>
    private double Sequence(double chars) => Math.Min(1, chars / Settings.PassageChars);

    /// <summary>
    /// The cut above which a passage n-gram is no evidence of copying: √N (at least the boilerplate floor),
    /// a thousand texts at 1M. A passage n-gram more texts hold is a stock phrase; below an eighth of the cut
    /// it weighs 1, as a fingerprint does (<see cref="Weight"/>). It also bounds the postings a query visits.
    /// </summary>
    private int PassageStopCount() => Math.Max(Settings.MinStopDocuments, (int)Math.Sqrt(_byId.Count));

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
