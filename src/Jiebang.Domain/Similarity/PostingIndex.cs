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
/// would cost 20 bytes or more a key and break the 512-bytes-a-text budget.
/// </remarks>
internal sealed class PostingIndex
{
    private const int DirectorySize = 1 << 16;

    private int[] _directory = new int[DirectorySize + 1];
    private ushort[] _keyLows = [];
    private int[] _starts = [0];
    private int[] _postings = [];

    private Dictionary<uint, (int Head, int Count)> _tail = [];
    private int[] _tailDocs = new int[1024];
    private int[] _tailNext = new int[1024];
    private int _tailCount;

    public long PostingCount => _postings.Length + _tailCount;

    public bool TailIsLarge => _tailCount > Math.Max(1 << 18, _postings.Length / 2);

    public void Add(int doc, ReadOnlySpan<uint> keys)
    {
        if (_tailCount + keys.Length > _tailDocs.Length)
        {
            var size = Math.Max(_tailDocs.Length * 2, _tailCount + keys.Length);
            Array.Resize(ref _tailDocs, size);
            Array.Resize(ref _tailNext, size);
        }
        foreach (var key in keys)
        {
            _tail.TryGetValue(key, out var entry);
            _tailDocs[_tailCount] = doc;
            _tailNext[_tailCount] = entry.Count == 0 ? -1 : entry.Head;
            _tail[key] = (_tailCount++, entry.Count + 1);
        }
    }

    /// <summary>Number of documents holding <paramref name="key"/>, removed ones included until the next merge.</summary>
    public int Count(uint key) => Frozen(key).Length + (_tail.TryGetValue(key, out var entry) ? entry.Count : 0);

    public ReadOnlySpan<int> Frozen(uint key)
    {
        var bucket = (int)(key >> 16);
        var low = (ushort)key;
        var found = Array.BinarySearch(_keyLows, _directory[bucket], _directory[bucket + 1] - _directory[bucket], low);
        return found < 0 ? [] : _postings.AsSpan(_starts[found], _starts[found + 1] - _starts[found]);
    }

    /// <summary>Calls <paramref name="visit"/> for each tail document holding <paramref name="key"/>.</summary>
    public void VisitTail<TState>(uint key, ref TState state, TailVisitor<TState> visit)
    {
        if (!_tail.TryGetValue(key, out var entry)) return;
        for (var p = entry.Head; p >= 0; p = _tailNext[p]) visit(ref state, _tailDocs[p]);
    }

    public delegate void TailVisitor<TState>(ref TState state, int doc);

    /// <summary>Merges the tail into the frozen part, dropping postings of documents no longer <paramref name="alive"/>.</summary>
    public void Merge(Func<int, bool> alive)
    {
        var tailKeys = _tail.Keys.ToArray();
        Array.Sort(tailKeys);
        var frozenKeyCount = _keyLows.Length;
        var keys = new List<uint>(frozenKeyCount + tailKeys.Length);
        var starts = new List<int>(frozenKeyCount + tailKeys.Length + 1);
        var postings = new int[_postings.Length + _tailCount];
        var written = 0;
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
                for (var p = _starts[f]; p < _starts[f + 1]; p++) if (alive(_postings[p])) postings[written++] = _postings[p];
                f++;
            }
            if (fromTail)
            {
                for (var p = _tail[tailKey].Head; p >= 0; p = _tailNext[p]) if (alive(_tailDocs[p])) postings[written++] = _tailDocs[p];
                t++;
            }
            if (written == start) continue;
            keys.Add(key);
            starts.Add(start);
        }
        starts.Add(written);
        Freeze(keys, starts, postings[..written]);
        // A new map and small arrays: Clear() would keep the capacity of the largest tail for good.
        _tail = [];
        _tailDocs = new int[1024];
        _tailNext = new int[1024];
        _tailCount = 0;
    }

    private void Freeze(List<uint> keys, List<int> starts, int[] postings)
    {
        _keyLows = new ushort[keys.Count];
        _directory = new int[DirectorySize + 1];
        for (var i = 0; i < keys.Count; i++)
        {
            _keyLows[i] = (ushort)keys[i];
            _directory[(keys[i] >> 16) + 1]++;
        }
        for (var b = 0; b < DirectorySize; b++) _directory[b + 1] += _directory[b];
        _starts = [.. starts];
        _postings = postings;
    }

    /// <summary>Each frozen key with its postings, in key order: for recomputing document weights and for saving.</summary>
    public IEnumerable<(uint Key, int Start, int End)> FrozenKeys()
    {
        var bucket = 0;
        for (var i = 0; i < _keyLows.Length; i++)
        {
            while (_directory[bucket + 1] <= i) bucket++;
            yield return (((uint)bucket << 16) | _keyLows[i], _starts[i], _starts[i + 1]);
        }
    }

    public int[] FrozenPostings => _postings;

    public long MemoryBytes =>
        4L * _directory.Length + 2L * _keyLows.Length + 4L * _starts.Length + 4L * _postings.Length
        + 8L * _tailDocs.Length + 24L * _tail.Count;

    public void WriteTo(BinaryWriter writer)
    {
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
        var keyCount = Take<int>(ref bytes, 1)[0];
        var postingCount = Take<int>(ref bytes, 1)[0];
        return new PostingIndex
        {
            _directory = Take<int>(ref bytes, DirectorySize + 1),
            _keyLows = Take<ushort>(ref bytes, keyCount),
            _starts = Take<int>(ref bytes, keyCount + 1),
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
