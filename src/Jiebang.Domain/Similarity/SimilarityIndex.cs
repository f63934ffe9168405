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
    private long[] _ids = new long[1024];
    private float[] _weights = new float[1024];
    private bool[] _alive = new bool[1024];
    private int _count;
    private readonly Dictionary<long, int> _byId = [];

    [ThreadStatic] private static float[]? s_shared;
    [ThreadStatic] private static List<int>? s_touched;

    /// <summary>Creates an empty index.</summary>
    public SimilarityIndex(SimilaritySettings? settings = null) => Settings = settings ?? new SimilaritySettings();

    /// <summary>The settings the index was built with (sketches depend on the window).</summary>
    public SimilaritySettings Settings { get; }

    /// <summary>Number of texts in the index.</summary>
    public int Count => _byId.Count;

    /// <summary>Approximate bytes held by the index structures (ids, weights, postings; not the id map).</summary>
    public long MemoryBytes => 13L * _ids.Length + _postings.MemoryBytes;

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
        if (_byId.TryGetValue(id, out var old)) _alive[old] = false;
        if (_count == _ids.Length) Grow(_count * 2);
        var doc = _count++;
        _ids[doc] = id;
        _alive[doc] = true;
        _byId[id] = doc;
        var stop = StopCount();
        var weight = 0f;
        foreach (var key in sketch.Keys) weight += Weight(_postings.Count(key) + 1, stop);
        _weights[doc] = weight;
        _postings.Add(doc, sketch.Keys);
        if (_postings.TailIsLarge) MergeLocked();
    }

    /// <summary>
    /// Adds many records: the rebuild path (a CLI reindex, a first import). Batches are sketched in
    /// parallel while the previous batch is indexed, so that the single writer is not left waiting.
    /// </summary>
    public void AddRange(IEnumerable<(long Id, string Text)> records)
    {
        Task<((long Id, string Text)[] Batch, TextSketch[] Sketches)>? pending = null;
        foreach (var batch in records.Chunk(4096))
        {
            var next = Task.Run(() => (batch, Sketch(batch)));
            if (pending is not null) AddBatch(pending.Result);
            pending = next;
        }
        if (pending is not null) AddBatch(pending.Result);
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
    /// Checks a candidate against the record's text, which the index does not keep: the score
    /// becomes at least the longest shared non-boilerplate passage over
    /// <see cref="SimilaritySettings.PassageChars"/>. A paragraph copied word for word is sequence
    /// evidence even where its phrases are common, and the sketch alone cannot see sequence.
    /// </summary>
    public Match Confirm(Match candidate, string text, string recordText)
    {
        var longest = EvidencePassages(text, recordText).passages.Select(p => p.AEnd - p.AStart).DefaultIfEmpty(0).Max();
        return candidate with { Score = Math.Max(candidate.Score, Math.Min(1, longest / (double)Settings.PassageChars)) };
    }

    /// <summary>Removes record <paramref name="id"/>; false when it was not there.</summary>
    public bool Remove(long id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_byId.Remove(id, out var doc)) return false;
            _alive[doc] = false;
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
        try { return QueryLocked(sketch.Keys, top, threshold); }
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

    private List<Match> QueryLocked(uint[] keys, int top, double threshold)
    {
        var shared = s_shared is { } s && s.Length >= _count ? s : s_shared = new float[Math.Max(_count, 1024) * 2];
        var touched = s_touched ??= [];
        touched.Clear();
        var stop = StopCount();
        var queryWeight = 0f;
        foreach (var key in keys)
        {
            var frozen = _postings.Frozen(key);
            var weight = Weight(_postings.Count(key), stop);
            queryWeight += weight;
            if (weight == 0) continue;
            foreach (var doc in frozen) Accumulate(shared, touched, doc, weight);
            var state = (shared, touched, weight, this);
            _postings.VisitTail(key, ref state, static (ref st, doc) => st.Item4.Accumulate(st.shared, st.touched, doc, st.weight));
        }
        var matches = new List<Match>();
        foreach (var doc in touched)
        {
            var common = shared[doc];
            shared[doc] = 0;
            if (common < Settings.MinSharedWeight) continue;
            var match = Measure(_ids[doc], common, queryWeight, Math.Max(_weights[doc], common));
            if (match.Score >= threshold) matches.Add(match);
        }
        matches.Sort((x, y) => y.Score.CompareTo(x.Score));
        return matches.Count > top ? matches.GetRange(0, top) : matches;
    }

    private void Accumulate(float[] shared, List<int> touched, int doc, float weight)
    {
        if (!_alive[doc]) return;
        if (shared[doc] == 0) touched.Add(doc);
        shared[doc] += weight;
    }

    private Match Measure(long id, double common, double queryWeight, double docWeight)
    {
        var resemblance = common / Math.Max(queryWeight + docWeight - common, common);
        var containment = Math.Min(1, common / Math.Max(Math.Min(queryWeight, docWeight), common));
        // Winnowing keeps about 2/(w+1) of the shingles, so a fingerprint stands for (w+1)/2 字.
        var sharedChars = common * (Settings.Window + 1) / 2;
        var score = Math.Max(containment, Math.Min(1, sharedChars / Settings.PassageChars));
        return new Match(id, resemblance, containment, score);
    }

    private int StopCount() => Math.Max(Settings.MinStopDocuments, (int)(Settings.StopFraction * _byId.Count));

    /// <summary>1 for rare fingerprints, 0 above the boilerplate cut, log-linear in between.</summary>
    private static float Weight(int documents, int stop)
    {
        var rare = stop / 8.0;
        if (documents <= rare) return 1f;
        if (documents > stop) return 0f;
        return (float)(Math.Log(stop / (double)documents) / Math.Log(stop / rare));
    }

    private void MergeLocked()
    {
        _postings.Merge(doc => _alive[doc]);
        var stop = StopCount();
        Array.Clear(_weights, 0, _count);
        var postings = _postings.FrozenPostings;
        foreach (var (_, start, end) in _postings.FrozenKeys())
        {
            var weight = Weight(end - start, stop);
            if (weight == 0) continue;
            for (var p = start; p < end; p++) _weights[postings[p]] += weight;
        }
    }

    private void Grow(int size)
    {
        Array.Resize(ref _ids, size);
        Array.Resize(ref _weights, size);
        Array.Resize(ref _alive, size);
    }
}
