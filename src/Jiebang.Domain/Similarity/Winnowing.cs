namespace Jiebang.Domain.Similarity;

/// <summary>
/// Robust winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): the minimum hash of every
/// window of <c>w</c> consecutive shingles is a fingerprint.
/// </summary>
/// <remarks>
/// Chosen over MinHash because the selection is local: a passage copied into another text
/// selects the same fingerprints there, whatever surrounds it, so containment of one paragraph
/// is visible (MinHash of a 100-字 paragraph inside 600 字 of new text resembles its source at
/// J ≈ 0.09 and LSH bands never collide). Any shared run of at least <c>w + 2</c> characters is
/// guaranteed a shared fingerprint, and about 2/(w+1) of the shingles are kept.
/// </remarks>
public static class Winnowing
{
    /// <summary>The distinct fingerprints of <paramref name="hashes"/>, sorted ascending.</summary>
    public static uint[] Fingerprints(ReadOnlySpan<uint> hashes, int window) => DistinctSorted(SelectedInOrder(hashes, window));

    /// <summary>The hash selected by each window, in text order (a hash repeats when a later window selects it anew).</summary>
    public static uint[] SelectedInOrder(ReadOnlySpan<uint> hashes, int window)
    {
        if (hashes.IsEmpty) return [];
        window = Math.Min(window, hashes.Length);
        Span<int> deque = hashes.Length <= 2048 ? stackalloc int[hashes.Length] : new int[hashes.Length];
        var result = new uint[hashes.Length - window + 1];
        int head = 0, tail = 0, last = -1, count = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            // Same as Select, inlined: this loop is most of the cost of indexing a text.
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i]) tail--;
            deque[tail++] = i;
            if (deque[head] <= i - window) head++;
            if (i < window - 1 || deque[head] == last) continue;
            last = deque[head];
            result[count++] = hashes[last];
        }
        return result[..count];
    }

    /// <summary>Sorts <paramref name="values"/> in place and returns its distinct values.</summary>
    internal static uint[] DistinctSorted(uint[] values)
    {
        Array.Sort(values);
        var distinct = values.Length == 0 ? 0 : 1;
        for (var i = 1; i < values.Length; i++) if (values[i] != values[distinct - 1]) values[distinct++] = values[i];
        return values[..distinct];
    }

    /// <summary>Calls <paramref name="select"/> with the position and hash of each selected shingle, in order.</summary>
    public static void Select(ReadOnlySpan<uint> hashes, int window, Action<int, uint> select)
    {
        if (hashes.IsEmpty) return;
        window = Math.Min(window, hashes.Length);
        // A deque of positions whose hashes increase; ">=" pops make the rightmost of equal minima
        // win, which is what keeps the selection stable when a window slides over a tie.
        var deque = new int[hashes.Length];
        int head = 0, tail = 0, last = -1;
        for (var i = 0; i < hashes.Length; i++)
        {
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i]) tail--;
            deque[tail++] = i;
            if (deque[head] <= i - window) head++;
            if (i < window - 1 || deque[head] == last) continue;
            last = deque[head];
            select(last, hashes[last]);
        }
    }
}
