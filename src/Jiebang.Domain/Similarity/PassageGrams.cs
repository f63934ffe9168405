namespace Jiebang.Domain.Similarity;

/// <summary>
/// Long n-grams of the normalised text (<see cref="SimilaritySettings.PassageGram"/> 字), the keys that
/// find the source of a short copied passage. A text keeps the n-gram starting at every
/// <see cref="SimilaritySettings.PassageSpacing"/>-th position; a query looks up the n-gram at every
/// position. Any passage of spacing + n − 1 normalised 字 shared word for word then holds a kept
/// n-gram of its source whole, wherever the passage starts (mid-sentence too), whatever field it
/// sits in and however its punctuation was changed (punctuation is not in the normalised text).
/// </summary>
/// <remarks>
/// Trigram fingerprints, winnowed one in 12.5, sample a 50-字 passage about four times, and in a
/// large corpus of one area those four are often phrasing hundreds of texts share (weight 0): the
/// source was then no candidate at all. A 35-字 n-gram spans a sentence or more, its terms and
/// numbers included, and is nearly always held by its source alone.
/// </remarks>
public static class PassageGrams
{
    private const ulong Base = 0x100000001B3UL; // an odd multiplier; the sum is taken modulo 2^64

    /// <summary>The n-grams a text keeps: those starting at 0, spacing, 2 × spacing …, distinct and sorted ascending.</summary>
    public static uint[] Sampled(ReadOnlySpan<char> normalized, int gram, int spacing)
    {
        if (normalized.Length < gram) return [];
        var count = (normalized.Length - gram) / spacing + 1;
        Span<uint> keys = count <= 256 ? stackalloc uint[count] : new uint[count];
        for (var i = 0; i < count; i++) keys[i] = Hash(normalized.Slice(i * spacing, gram));
        return Winnowing.DistinctSorted(keys);
    }

    /// <summary>The n-gram at every position of a query, distinct and sorted ascending.</summary>
    public static uint[] All(ReadOnlySpan<char> normalized, int gram)
    {
        if (normalized.Length < gram) return [];
        var keys = new uint[normalized.Length - gram + 1];
        // A polynomial hash rolled one character at a time: the same value Hash gives each n-gram.
        var top = 1UL;
        for (var i = 1; i < gram; i++) top *= Base;
        var h = Polynomial(normalized[..gram]);
        keys[0] = Shingles.Mix(h);
        for (var i = 1; i < keys.Length; i++)
        {
            h = (h - normalized[i - 1] * top) * Base + normalized[i + gram - 1];
            keys[i] = Shingles.Mix(h);
        }
        return Winnowing.DistinctSorted(keys);
    }

    /// <summary>The key of one n-gram.</summary>
    public static uint Hash(ReadOnlySpan<char> gram) => Shingles.Mix(Polynomial(gram));

    private static ulong Polynomial(ReadOnlySpan<char> gram)
    {
        var h = 0UL;
        foreach (var c in gram) h = h * Base + c;
        return h;
    }
}
