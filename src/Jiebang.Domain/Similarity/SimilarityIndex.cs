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
    private PostingIndex _passages = new(repeatsKeys: true); // sampled passage n-grams (PassageGrams), nearly all one text's
    private long[] _ids = new long[1024];
    private float[] _weights = new float[1024];
    private bool[] _alive = new bool[1024];
    private int _count;
    private float[] _weightMemo = [];
    private int _weightMemoStop = -1;
    private bool _deadInPostings, _deadInPairs, _deadInPassages; // removed records whose postings are still in the index
    private readonly Dictionary<long, int> _byId = [];

    /// <summary>
    /// How many texts hold each whole sentence (<see cref="Sentences"/>), as a count-min sketch of two
    /// probes: an estimate that can only be too high, by about 15 N / 2^16 where the boilerplate cut is
    /// N / 100, so well below it at every size. Removed texts stay counted until a rebuild.
    /// </summary>
    private int[] _sentenceCounts = new int[SentenceSlots];
    private const int SentenceSlots = 1 << 16;

    /// <summary>Creates an empty index.</summary>
    public SimilarityIndex(SimilaritySettings? settings = null) => Settings = settings ?? new SimilaritySettings();

    /// <summary>The settings the index was built with (sketches depend on the window).</summary>
    public SimilaritySettings Settings { get; }

    /// <summary>Number of texts in the index.</summary>
    public int Count => _byId.Count;

    /// <summary>Approximate bytes held by the index structures (ids, weights, postings; not the id map).</summary>
    public long MemoryBytes => 13L * _ids.Length + _postings.MemoryBytes + _pairs.MemoryBytes + _passages.MemoryBytes + 4L * SentenceSlots;

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
        _passages.Add(doc, sketch.PassageKeys);
        foreach (var sentence in sketch.SentenceKeys)
        {
            _sentenceCounts[SentenceSlot(sentence, 0)]++;
            _sentenceCounts[SentenceSlot(sentence, 1)]++;
        }
        // Each index merges when its own tail is large; the boilerplate weights follow the fingerprints'.
        var mergePostings = _postings.TailIsLarge;
        var mergePairs = _pairs.TailIsLarge || _passages.TailIsLarge;
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
        _deadInPostings = _deadInPairs = _deadInPassages = true;
    }

    /// <summary>
    /// Checks a candidate against the record's text, which the index does not keep: when the two
    /// share a non-boilerplate passage of at least <see cref="SimilaritySettings.MinConfirmedPassageChars"/>,
    /// the score becomes at least its length over <see cref="SimilaritySettings.PassageChars"/>.
    /// A paragraph copied word for word is sequence evidence even where its phrases are common,
    /// and the sketch alone cannot see sequence; a shorter shared passage leaves the score as it is.
    /// The longest passage is kept as <see cref="Match.Passage"/>, which flags a short copied passage
    /// on its own (<see cref="Match.IsFlagged"/>). Neither counts the stock sentences many records hold:
    /// two unrelated texts of one area that happen to put three of its stock sentences in a row share a
    /// long run whose fingerprints, across the sentence ends, are rare, and the run alone scored 0.6.
    /// </summary>
    public Match Confirm(Match candidate, string text, string recordText)
    {
        var (passages, na, nb, runs) = EvidencePassages(text, recordText);
        var longest = passages.Select(p => p.AEnd - p.AStart).DefaultIfEmpty(0).Max();
        var uncommon = LongestUncommonPassage(na, text, runs);
        var beyondStock = Math.Min(longest, uncommon);
        var confirmed = beyondStock >= Settings.MinConfirmedPassageChars ? Math.Min(1, beyondStock / (double)Settings.PassageChars) : 0;
        return candidate with { Score = Math.Max(candidate.Score, confirmed), Passage = uncommon };
    }

    /// <summary>
    /// The longest passage, in normalised 字, that the two texts share (runs joined across small gaps),
    /// less its whole sentences that more than the boilerplate cut of the indexed texts hold: the area's
    /// stock sentences, or two of them in a row, are boilerplate, while two sentences of a description
    /// copied from one record are not, however common their phrasing.
    /// </summary>
    private int LongestUncommonPassage(NormalizedText a, string original, List<(int A, int B, int Length)> shared)
    {
        var groups = PassageAligner.Groups(shared);
        var longest = 0;
        _lock.EnterReadLock();
        try
        {
            var stop = StopCount();
            foreach (var (start, end, runs) in groups.OrderByDescending(g => g.AEnd - g.AStart))
            {
                if (end - start <= longest) break;
                var common = runs.Sum(run => SentencePieces(a, original, run.A, run.A + run.Length)
                    .Where(p => SentenceCount(Sentences.Hash(a.Text.AsSpan(p.SentenceStart, p.SentenceEnd - p.SentenceStart))) > stop)
                    .Sum(p => p.End - p.Start));
                longest = Math.Max(longest, end - start - common);
            }
        }
        finally { _lock.ExitReadLock(); }
        return longest;
    }

    /// <summary>
    /// The parts of [start, end) of a normalised text cut at the sentence ends of its original, each with
    /// the whole sentence it belongs to: a run that starts or ends inside a stock sentence is judged by it.
    /// </summary>
    private static IEnumerable<(int Start, int End, int SentenceStart, int SentenceEnd)> SentencePieces(NormalizedText text, string original,
        int start, int end)
    {
        bool BoundaryAt(int i) => i <= 0 || i >= text.Text.Length || Sentences.EndsBetween(original, text.Offsets[i - 1], text.Offsets[i]);
        var sentenceStart = start;
        while (!BoundaryAt(sentenceStart)) sentenceStart--;
        var from = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i < end && !BoundaryAt(i)) continue;
            var sentenceEnd = i;
            while (!BoundaryAt(sentenceEnd)) sentenceEnd++;
            if (sentenceEnd - sentenceStart >= Sentences.MinChars) yield return (from, i, sentenceStart, sentenceEnd);
            (from, sentenceStart) = (i, i);
        }
    }

    private int SentenceCount(uint hash) => Math.Min(_sentenceCounts[SentenceSlot(hash, 0)], _sentenceCounts[SentenceSlot(hash, 1)]);

    private static int SentenceSlot(uint hash, int probe) =>
        (int)((probe == 0 ? hash : (hash * 0x9E3779B1u) >> 7) & (SentenceSlots - 1));

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
        var (passages, na, nb, _) = EvidencePassages(a, b);
        return PassageAligner.ToOriginal(passages, na, nb);
    }

    /// <summary>The passages shared beyond boilerplate, the two normalised texts, and every shared run (boilerplate included).</summary>
    private (List<(int AStart, int AEnd, int BStart, int BEnd)> passages, NormalizedText na, NormalizedText nb, List<(int A, int B, int Length)> runs)
        EvidencePassages(string a, string b)
    {
        var na = TextNormalizer.Normalize(a);
        var nb = TextNormalizer.Normalize(b);
        var all = PassageAligner.Runs(na.Text, nb.Text);
        var runs = new List<(int A, int B, int Length)>(all);
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
        return (PassageAligner.Join(runs, Settings.MinEvidenceChars), na, nb, all);
    }

}
