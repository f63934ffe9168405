using System.Runtime.CompilerServices;

namespace Jiebang.Domain.Similarity;

public sealed partial class SimilarityIndex
{
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
    /// Merges the tails of the fingerprint index and of the pair and passage indexes (all by default,
    /// the last two beside the first), and refreshes the boilerplate weights when the fingerprints merge.
    /// </summary>
    private void MergeLocked(bool postings = true, bool pairs = true)
    {
        // On a thread of its own: the pool's threads may all be sketching the next batch of AddRange.
        var pairMerge = !pairs ? null : Task.Factory.StartNew(() =>
        {
            _pairs.Merge(_deadInPairs ? _alive : null);
            _passages.Merge(_deadInPassages ? _alive : null);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (postings)
        {
            _postings.Merge(_deadInPostings ? _alive : null);
            _deadInPostings = false;
            RefreshWeights();
        }
        if (pairMerge is null) return;
        pairMerge.GetAwaiter().GetResult();
        _deadInPairs = _deadInPassages = false;
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
