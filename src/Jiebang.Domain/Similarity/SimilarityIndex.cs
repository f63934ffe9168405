using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// The 查重 index: texts are added as winnowed fingerprints (<see cref="TextSketch"/>), queried
/// through an inverted index with boilerplate down-weighted, and explained by
/// <see cref="Evidence"/>. In memory only; <see cref="Save"/> and <see cref="Load"/> give the
/// bytes the application keeps. Safe for concurrent queries; writes take an exclusive lock.
/// </summary>
/// <remarks>
/// Boilerplate is learned from the corpus: a fingerprint's weight falls from 1 (in at most 1/8 of
/// the boilerplate cut) to 0 (in more than <see cref="SimilaritySettings.StopFraction"/> of the
/// texts, at least <see cref="SimilaritySettings.MinStopDocuments"/>), on a log scale like IDF.
/// Weights of indexed texts are refreshed when the tail of the index merges.
/// </remarks>
public sealed partial class SimilarityIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private PostingIndex _postings = new();
    private PostingIndex _pairs = new();
    private long[] _ids = new long[1024];
    private float[] _weights = new float[1024];
    private bool[] _alive = new bool[1024];
    private int _count;
    private float[] _weightMemo = [];
    private int _weightMemoStop = -1;
    private bool _deadInPostings, _deadInPairs; // removed records whose postings are still in the index
    private readonly Dictionary<long, int> _byId = [];

    [ThreadStatic] private static float[]? s_shared;
    [ThreadStatic] private static List<int>? s_touched;
    [ThreadStatic] private static float[]? s_pairShared;

    /// <summary>Creates an empty index.</summary>
    public SimilarityIndex(SimilaritySettings? settings = null) => Settings = settings ?? new SimilaritySettings();

    /// <summary>The settings the index was built with (sketches depend on the window).</summary>
    public SimilaritySettings Settings { get; }

    /// <summary>Number of texts in the index.</summary>
    public int Count => _byId.Count;

    /// <summary>Approximate bytes held by the index structures (ids, weights, postings; not the id map).</summary>
    public long MemoryBytes => 13L * _ids.Length + _postings.MemoryBytes + _pairs.MemoryBytes;

    /// <summary>Adds or replaces the text of record <paramref name="id"/>.</summary>
    public void Add(long id, string text) => Add(id, TextSketch.Of(text, Settings));

    /// <summary>Adds or replaces record <paramref name="id"/> from a sketch made with the same window.</summary>
    public void Add(long id, TextSketch sketch)
    {
        _lock.EnterWriteLock();
        try { AddLocked(id, sketch); }
        finally { _lock.ExitWriteLock(); }
    }

    private void AddLocked(long id, TextSketch sketch)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byId, id, out var replaced);
        if (replaced) Kill(slot);
        if (_count == _ids.Length) Grow(_count * 2);
        var doc = _count++;
        _ids[doc] = id;
        _alive[doc] = true;
        slot = doc;
        var stop = StopCount();
        var keys = sketch.Keys;
        Span<int> counts = keys.Length <= 1024 ? stackalloc int[keys.Length] : new int[keys.Length];
        _postings.Add(doc, keys, counts);
        var weight = 0f;
        var memo = WeightMemo(stop);
        foreach (var count in counts)
        {
            // Weight of count + 1 documents, memoised for this cut: 0 above it, else computed once.
            if (count >= stop) continue;
            var known = memo[count];
            if (float.IsNaN(known)) known = memo[count] = Weight(count + 1, stop);
            weight += known;
        }
        _weights[doc] = weight;
        _pairs.Add(doc, sketch.PairKeys);
        // Each index merges when its own tail is large; the boilerplate weights follow the fingerprints'.
        var mergePostings = _postings.TailIsLarge;
        var mergePairs = _pairs.TailIsLarge;
        if (mergePostings || mergePairs) MergeLocked(mergePostings, mergePairs);
    }

    /// <summary>
    /// <see cref="Weight"/> of 1 to <paramref name="stop"/> documents (index: documents − 1) for the
    /// current cut, NaN until computed; forgotten when the cut moves (every 100 records at 1 %).
    /// Two logarithms a fingerprint were a tenth of adding a text.
    /// </summary>
    private float[] WeightMemo(int stop)
    {
        if (stop == _weightMemoStop) return _weightMemo;
        if (_weightMemo.Length < stop) _weightMemo = new float[Math.Max(stop, 2 * _weightMemo.Length)];
        Array.Fill(_weightMemo, float.NaN, 0, stop);
        _weightMemoStop = stop;
        return _weightMemo;
    }

    private void Kill(int doc)
    {
        _alive[doc] = false;
        _deadInPostings = _deadInPairs = true;
    }

    /// <summary>
    /// Adds many records: the rebuild path (a CLI reindex, a first import). Batches are sketched in
    /// parallel while the previous batch is indexed, so that the single writer is not left waiting.
    /// </summary>
    public void AddRange(IEnumerable<(long Id, string Text)> records)
    {
        Task<((long Id, string Text)[] Batch, TextSketch[] Sketches)>? pending = null;
        foreach (var batch in Batches(records))
        {
            var next = Task.Run(() => (batch, Sketch(batch)));
            if (pending is not null) AddBatch(pending.Result);
            pending = next;
        }
        if (pending is not null) AddBatch(pending.Result);
    }

    /// <summary>
    /// Batches of 512 records, doubling up to 4,096: the first batch is sketched with nothing to
    /// overlap, and at 10,000 texts a first batch of 4,096 was half the build.
    /// </summary>
    private static IEnumerable<(long Id, string Text)[]> Batches(IEnumerable<(long Id, string Text)> records)
    {
        var size = 512;
        var batch = new List<(long Id, string Text)>(size);
        foreach (var record in records)
        {
            batch.Add(record);
            if (batch.Count < size) continue;
            yield return [.. batch];
            batch.Clear();
            size = Math.Min(2 * size, 4096);
        }
        if (batch.Count > 0) yield return [.. batch];
    }

    private TextSketch[] Sketch((long Id, string Text)[] batch)
    {
        var sketches = new TextSketch[batch.Length];
        Parallel.For(0, batch.Length, i => sketches[i] = TextSketch.Of(batch[i].Text, Settings));
        return sketches;
    }

    private void AddBatch(((long Id, string Text)[] Batch, TextSketch[] Sketches) sketched)
    {
        _lock.EnterWriteLock();
        try
        {
            for (var i = 0; i < sketched.Batch.Length; i++) AddLocked(sketched.Batch[i].Id, sketched.Sketches[i]);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// Checks a candidate against the record's text, which the index does not keep: when the two
    /// share a non-boilerplate passage of at least <see cref="SimilaritySettings.MinConfirmedPassageChars"/>,
    /// the score becomes at least its length over <see cref="SimilaritySettings.PassageChars"/>.
    /// A paragraph copied word for word is sequence evidence even where its phrases are common,
    /// and the sketch alone cannot see sequence; a shorter shared passage leaves the score as it is.
    /// </summary>
    public Match Confirm(Match candidate, string text, string recordText)
    {
        var longest = EvidencePassages(text, recordText).passages.Select(p => p.AEnd - p.AStart).DefaultIfEmpty(0).Max();
        var confirmed = longest >= Settings.MinConfirmedPassageChars ? Math.Min(1, longest / (double)Settings.PassageChars) : 0;
        return candidate with { Score = Math.Max(candidate.Score, confirmed) };
    }

    /// <summary>Removes record <paramref name="id"/>; false when it was not there.</summary>
    public bool Remove(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_byId.Remove(id, out var doc)) return false;
            Kill(doc);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Merges recent additions into the compact part and refreshes boilerplate weights.</summary>
    public void Compact()
    {
        _lock.EnterWriteLock();
        try { MergeLocked(); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>The records most similar to <paramref name="text"/> with a score of at least <paramref name="threshold"/>, best first.</summary>
    public IReadOnlyList<Match> Query(string text, int top = 10, double threshold = SimilaritySettings.DefaultThreshold) =>
        Query(TextSketch.Of(text, Settings), top, threshold);

    /// <summary>As <see cref="Query(string, int, double)"/>, from a sketch.</summary>
    public IReadOnlyList<Match> Query(TextSketch sketch, int top = 10, double threshold = SimilaritySettings.DefaultThreshold)
    {
        _lock.EnterReadLock();
        try { return QueryLocked(sketch, top, threshold, bySequence: false); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// The passages <paramref name="a"/> and <paramref name="b"/> share, as offsets into both
    /// originals; passages that are only boilerplate of this corpus are left out.
    /// </summary>
    public IReadOnlyList<EvidenceSpan> Evidence(string a, string b)
    {
        var (passages, na, nb) = EvidencePassages(a, b);
        return PassageAligner.ToOriginal(passages, na, nb);
    }

    private (List<(int AStart, int AEnd, int BStart, int BEnd)> passages, NormalizedText na, NormalizedText nb) EvidencePassages(string a, string b)
    {
        var na = TextNormalizer.Normalize(a);
        var nb = TextNormalizer.Normalize(b);
        var runs = PassageAligner.Runs(na.Text, nb.Text);
        _lock.EnterReadLock();
        try
        {
            var stop = StopCount();
            runs.RemoveAll(run =>
            {
                var keys = Winnowing.Fingerprints(Shingles.Hashes(na.Text.AsSpan(run.A, run.Length)), Settings.Window);
                return keys.Sum(key => Weight(_postings.Count(key), stop)) < 1f;
            });
        }
        finally { _lock.ExitReadLock(); }
        return (PassageAligner.Join(runs, Settings.MinEvidenceChars), na, nb);
    }

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

    /// <summary>
    /// Merges the tails of the fingerprint and pair indexes (both by default, one beside the other),
    /// and refreshes the boilerplate weights when the fingerprints merge.
    /// </summary>
    private void MergeLocked(bool postings = true, bool pairs = true)
    {
        // On a thread of its own: the pool's threads may all be sketching the next batch of AddRange.
        var pairMerge = !pairs ? null : Task.Factory.StartNew(
            () => _pairs.Merge(_deadInPairs ? _alive : null), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (postings)
        {
            _postings.Merge(_deadInPostings ? _alive : null);
            _deadInPostings = false;
            RefreshWeights();
        }
        if (pairMerge is null) return;
        pairMerge.GetAwaiter().GetResult();
        _deadInPairs = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // as PostingIndex.Merge
    private void RefreshWeights()
    {
        var stop = StopCount();
        Array.Clear(_weights, 0, _count);
        var postings = _postings.FrozenPostings;
        var starts = _postings.FrozenStarts;
        for (var key = 0; key < starts.Length - 1; key++)
        {
            var (start, end) = (starts[key], starts[key + 1]);
            var weight = Weight(end - start, stop);
            if (weight == 0) continue;
            foreach (var doc in postings.AsSpan(start, end - start)) _weights[doc] += weight;
        }
    }

    private void Grow(int size)
    {
        Array.Resize(ref _ids, size);
        Array.Resize(ref _weights, size);
        Array.Resize(ref _alive, size);
    }
}
