using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// Fingerprint → documents, in two parts: a frozen, compressed part (CSR) and a small mutable tail
/// that new documents go to, merged into the frozen part when it grows past half of it
/// (the log-structured idea: cheap appends, compact reads, amortised O(1) merges).
/// </summary>
/// <remarks>
/// The frozen part stores a key in 6 bytes and a posting in 4: a directory on the top 16 bits of
/// the key, then the low 16 bits of each distinct key and the start of its postings. A hash map
/// would cost 20 bytes or more a key and break the 512-bytes-a-text budget. Where nearly every key is
/// one text's (the passage n-grams), <see cref="RepeatsKeys"/> stores the key's low 16 bits beside each
/// posting instead, with no starts: 6 bytes a posting where a key of one posting took 10.
/// </remarks>
internal sealed class PostingIndex(bool repeatsKeys = false)
{
    /// <summary>Whether the frozen part repeats a key's low bits at each of its postings (no starts), for keys mostly held once.</summary>
    public bool RepeatsKeys { get; } = repeatsKeys;

    private const int DirectorySize = 1 << 16;

    // Shared and never written until the first merge (Freeze makes a new one): an index left empty, as the
    // fingerprint pairs' by default, costs nothing.
    private static readonly int[] EmptyDirectory = new int[DirectorySize + 1];
    private int[] _directory = EmptyDirectory;
    private ushort[] _keyLows = [];
    private int[] _starts = [0];
    private int[] _postings = [];

    private Dictionary<uint, (int Head, int Count)> _tail = [];
    private int[] _tailDocs = new int[1024];
    private int[] _tailNext = new int[1024];
    private int _tailCount;

    public long PostingCount => _postings.Length + _tailCount;

    public bool TailIsLarge => _tailCount > Math.Max(1 << 18, _postings.Length / 2);

    /// <summary>
    /// Adds <paramref name="doc"/> under each of <paramref name="keys"/> and, when <paramref name="counts"/>
    /// is not empty, writes there how many documents held each key before (as <see cref="Count"/>).
    /// </summary>
    public void Add(int doc, ReadOnlySpan<uint> keys, Span<int> counts = default)
    {
        if (_tailCount + keys.Length > _tailDocs.Length)
        {
            var size = Math.Max(_tailDocs.Length * 2, _tailCount + keys.Length);
            Array.Resize(ref _tailDocs, size);
            Array.Resize(ref _tailNext, size);
        }
        for (var i = 0; i < keys.Length; i++)
        {
            // One look-up a key: the entry is updated in place.
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_tail, keys[i], out _);
            if (!counts.IsEmpty) counts[i] = Frozen(keys[i]).Length + entry.Count;
            _tailDocs[_tailCount] = doc;
            _tailNext[_tailCount] = entry.Count == 0 ? -1 : entry.Head;
            entry = (_tailCount++, entry.Count + 1);
        }
    }

    /// <summary>Number of documents holding <paramref name="key"/>, removed ones included until the next merge.</summary>
    public int Count(uint key) => Frozen(key).Length + TailCount(key);

    /// <summary>Number of documents holding <paramref name="key"/> in the tail (none once merged).</summary>
    public int TailCount(uint key) => _tail.Count > 0 && _tail.TryGetValue(key, out var entry) ? entry.Count : 0;

    public ReadOnlySpan<int> Frozen(uint key)
    {
        var bucket = (int)(key >> 16);
        var low = (ushort)key;
        var (from, to) = (_directory[bucket], _directory[bucket + 1]);
        if (RepeatsKeys)
        {
            var first = LowerBound(_keyLows, from, to, low);
            return _postings.AsSpan(first, LowerBound(_keyLows, first, to, low + 1) - first);
        }
        var found = Array.BinarySearch(_keyLows, from, to - from, low);
        return found < 0 ? [] : _postings.AsSpan(_starts[found], _starts[found + 1] - _starts[found]);
    }

    /// <summary>The first index in [from, to) of sorted <paramref name="values"/> holding at least <paramref name="value"/> (to if none).</summary>
    private static int LowerBound(ushort[] values, int from, int to, int value)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (values[middle] < value) from = middle + 1;
            else to = middle;
        }
        return from;
    }

    /// <summary>The end of the frozen key starting at <paramref name="at"/> (of its postings when <see cref="RepeatsKeys"/>, else of its one entry).</summary>
    private int FrozenKeyEnd(int at, int bucket) =>
        RepeatsKeys ? LowerBound(_keyLows, at, _directory[bucket + 1], _keyLows[at] + 1) : at + 1;

    /// <summary>Calls <paramref name="visit"/> for each tail document holding <paramref name="key"/>.</summary>
    public void VisitTail<TState>(uint key, ref TState state, TailVisitor<TState> visit)
    {
        if (_tail.Count == 0 || !_tail.TryGetValue(key, out var entry)) return;
        for (var p = entry.Head; p >= 0; p = _tailNext[p]) visit(ref state, _tailDocs[p]);
    }

    public delegate void TailVisitor<TState>(ref TState state, int doc);

    /// <summary>
    /// Merges the tail into the frozen part, dropping postings of documents not <paramref name="alive"/>
    /// (null: all are). Each key's documents come out in ascending order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called a few times a build, each a long loop: no tier-0 code
    public void Merge(bool[]? alive)
    {
        var (tailKeys, tailEntries) = SortedTail();
        var frozenKeyCount = _keyLows.Length;
        var keys = new uint[frozenKeyCount + tailKeys.Length];
        var starts = new int[keys.Length + 1];
        var postings = new int[_postings.Length + _tailCount];
        var written = 0;
        var keyCount = 0;
        int f = 0, t = 0;
        var bucket = 0;
        while (f < frozenKeyCount || t < tailKeys.Length)
        {
            while (f < frozenKeyCount && _directory[bucket + 1] <= f) bucket++;
            var frozenKey = f < frozenKeyCount ? ((uint)bucket << 16) | _keyLows[f] : uint.MaxValue;
            var tailKey = t < tailKeys.Length ? tailKeys[t] : uint.MaxValue;
            var fromFrozen = f < frozenKeyCount && (t >= tailKeys.Length || frozenKey <= tailKey);
            var fromTail = t < tailKeys.Length && (f >= frozenKeyCount || tailKey <= frozenKey);
            var key = fromFrozen ? frozenKey : tailKey;
            var start = written;
            if (fromFrozen)
            {
                var next = FrozenKeyEnd(f, bucket);
                var frozen = RepeatsKeys ? _postings.AsSpan(f, next - f) : _postings.AsSpan(_starts[f], _starts[f + 1] - _starts[f]);
                if (alive is null)
                {
                    frozen.CopyTo(postings.AsSpan(written));
                    written += frozen.Length;
                }
                else
                {
                    foreach (var doc in frozen) if (alive[doc]) postings[written++] = doc;
                }
                f = next;
            }
            if (fromTail)
            {
                // The tail lists a key's documents newest first: written backwards, they ascend.
                var (head, count) = tailEntries[t];
                var end = written + count;
                var at = end;
                for (var p = head; p >= 0; p = _tailNext[p]) if (alive is null || alive[_tailDocs[p]]) postings[--at] = _tailDocs[p];
                if (at > written) postings.AsSpan(at, end - at).CopyTo(postings.AsSpan(written));
                written += end - at;
                t++;
            }
            if (written == start) continue;
            keys[keyCount] = key;
            starts[keyCount++] = start;
        }
        starts[keyCount] = written;
        Freeze(keys.AsSpan(0, keyCount), starts[..(keyCount + 1)], written == postings.Length ? postings : postings[..written]);
        // A new map and small arrays: Clear() would keep the capacity of the largest tail for good.
        _tail = [];
        _tailDocs = new int[1024];
        _tailNext = new int[1024];
        _tailCount = 0;
    }

    /// <summary>
    /// The tail's keys in ascending order with their entries: placed by their top 16 bits (the
    /// directory's buckets, counted first), then each bucket sorted: close to linear in the tail,
    /// where one sort of it all is O(n log n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called a few times a build, each a long loop: no tier-0 code
    private (uint[] Keys, (int Head, int Count)[] Entries) SortedTail()
    {
        var starts = new int[DirectorySize + 1];
        foreach (var key in _tail.Keys) starts[(key >> 16) + 1]++;
        for (var b = 0; b < DirectorySize; b++) starts[b + 1] += starts[b];
        var keys = new uint[_tail.Count];
        var entries = new (int Head, int Count)[_tail.Count];
        var next = starts[..DirectorySize];
        foreach (var (key, entry) in _tail)
        {
            var at = next[key >> 16]++;
            keys[at] = key;
            entries[at] = entry;
        }
        for (var b = 0; b < DirectorySize; b++)
        {
            if (starts[b + 1] - starts[b] > 1) keys.AsSpan(starts[b]..starts[b + 1]).Sort(entries.AsSpan(starts[b]..starts[b + 1]));
        }
        return (keys, entries);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called a few times a build, each a long loop: no tier-0 code
    private void Freeze(ReadOnlySpan<uint> keys, int[] starts, int[] postings)
    {
        _keyLows = new ushort[RepeatsKeys ? postings.Length : keys.Length];
        _starts = RepeatsKeys ? [0] : starts;
        _postings = postings;
        if (keys.IsEmpty)
        {
            _directory = EmptyDirectory;
            return;
        }
        _directory = new int[DirectorySize + 1];
        for (var i = 0; i < keys.Length; i++)
        {
            var entries = RepeatsKeys ? starts[i + 1] - starts[i] : 1;
            if (RepeatsKeys) _keyLows.AsSpan(starts[i], entries).Fill((ushort)keys[i]);
            else _keyLows[i] = (ushort)keys[i];
            _directory[(keys[i] >> 16) + 1] += entries;
        }
        for (var b = 0; b < DirectorySize; b++) _directory[b + 1] += _directory[b];
    }

    /// <summary>Where each frozen key's postings start in <see cref="FrozenPostings"/>, and where the last ends.</summary>
    public int[] FrozenStarts => _starts;

    public int[] FrozenPostings => _postings;

    public long MemoryBytes =>
        (_directory == EmptyDirectory ? 0 : 4L * _directory.Length) + 2L * _keyLows.Length + 4L * _starts.Length + 4L * _postings.Length
        + 8L * _tailDocs.Length + 24L * _tail.Count;

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(RepeatsKeys);
        writer.Write(_keyLows.Length);
        writer.Write(_postings.Length);
        // Raw little-endian arrays: loading is then a copy, which is what makes start-up take seconds.
        writer.Write(MemoryMarshal.AsBytes(_directory.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_keyLows.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_starts.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_postings.AsSpan()));
    }

    public static PostingIndex ReadFrom(ref ReadOnlySpan<byte> bytes)
    {
        var repeatsKeys = Take<bool>(ref bytes, 1)[0];
        var keyCount = Take<int>(ref bytes, 1)[0];
        var postingCount = Take<int>(ref bytes, 1)[0];
        var directory = Take<int>(ref bytes, DirectorySize + 1);
        return new PostingIndex(repeatsKeys)
        {
            _directory = keyCount == 0 ? EmptyDirectory : directory,
            _keyLows = Take<ushort>(ref bytes, keyCount),
            _starts = Take<int>(ref bytes, repeatsKeys ? 1 : keyCount + 1),
            _postings = Take<int>(ref bytes, postingCount),
        };
    }

    /// <summary>Copies <paramref name="count"/> little-endian values off the front of <paramref name="bytes"/>.</summary>
    internal static T[] Take<T>(ref ReadOnlySpan<byte> bytes, int count) where T : unmanaged
    {
        var size = count * Unsafe.SizeOf<T>();
        var values = MemoryMarshal.Cast<byte, T>(bytes[..size]).ToArray();
        bytes = bytes[size..];
        return values;
    }
}
