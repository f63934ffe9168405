using System.Buffers;

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
    public static uint[] Fingerprints(ReadOnlySpan<uint> hashes, int window)
    {
        var rented = hashes.Length <= StackLimit ? null : ArrayPool<uint>.Shared.Rent(hashes.Length);
        var selected = rented is null ? stackalloc uint[hashes.Length] : rented.AsSpan(0, hashes.Length);
        var distinct = DistinctSorted(selected[..SelectInto(hashes, window, selected)]);
        if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        return distinct;
    }

    /// <summary>The hash selected by each window, in text order (a hash repeats when a later window selects it anew).</summary>
    public static uint[] SelectedInOrder(ReadOnlySpan<uint> hashes, int window)
    {
        var result = new uint[hashes.Length];
        return result[..SelectInto(hashes, window, result)];
    }

    /// <summary>Most values sketching keeps on the stack; longer texts rent from the array pool.</summary>
    internal const int StackLimit = 2048;

    /// <summary>
    /// Writes the hash selected by each window into <paramref name="result"/> (at least as long as
    /// <paramref name="hashes"/>), in text order, and returns how many.
    /// </summary>
    /// <remarks>
    /// The minimum of each window is the rightmost of equal minima (what keeps the selection stable
    /// when a window slides over a tie); it is found again by a scan of the window only when it
    /// leaves it, which a random minimum does about once every window/2 steps: fewer steps than a
    /// deque, and no deque (this loop is most of the cost of sketching a text).
    /// </remarks>
    internal static int SelectInto(ReadOnlySpan<uint> hashes, int window, Span<uint> result)
    {
        if (hashes.IsEmpty) return 0;
        window = Math.Min(window, hashes.Length);
        int min = 0, last = -1, count = 0;
        var minHash = hashes[0];
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = hashes[i];
            if (min > i - window)
            {
                if (hash <= minHash) (min, minHash) = (i, hash);
            }
            else
            {
                min = i;
                minHash = hash;
                for (var j = i - 1; j > i - window; j--)
                {
                    if (hashes[j] < minHash) (min, minHash) = (j, hashes[j]);
                }
            }
            if (i < window - 1 || min == last) continue;
            last = min;
            result[count++] = minHash;
        }
        return count;
    }

    /// <summary>Sorts <paramref name="values"/> in place and returns its distinct values.</summary>
    internal static uint[] DistinctSorted(Span<uint> values)
    {
        values.Sort();
        var distinct = values.Length == 0 ? 0 : 1;
        for (var i = 1; i < values.Length; i++) if (values[i] != values[distinct - 1]) values[distinct++] = values[i];
        return values[..distinct].ToArray();
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
