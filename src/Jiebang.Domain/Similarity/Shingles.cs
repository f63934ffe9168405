namespace Jiebang.Domain.Similarity;

/// <summary>
/// Character n-gram shingles of a normalised text, hashed to 32 bits.
/// </summary>
/// <remarks>
/// n = 3: most Chinese words are two characters, so bigrams are shared by almost any two texts
/// of one area (a noise floor that hides real reuse), while 4-grams lose four shingles to every
/// changed character and make light paraphrase (one synonym every clause) look unrelated.
/// Trigrams span a word and a half, and each edit costs three shingles.
/// </remarks>
public static class Shingles
{
    /// <summary>Characters in one shingle.</summary>
    public const int Size = 3;

    /// <summary>The hash of every shingle of <paramref name="normalized"/>, in text order (length − 2 of them).</summary>
    public static uint[] Hashes(ReadOnlySpan<char> normalized)
    {
        if (normalized.Length < Size) return normalized.Length == 0 ? [] : [Hash(normalized)];
        var hashes = new uint[normalized.Length - Size + 1];
        HashInto(normalized, hashes);
        return hashes;
    }

    /// <summary>How many shingle hashes <see cref="Hashes"/> gives for a normalised text of <paramref name="length"/> 字.</summary>
    public static int CountFor(int length) => length < Size ? Math.Min(length, 1) : length - Size + 1;

    /// <summary>Writes <see cref="Hashes"/> of <paramref name="normalized"/> into <paramref name="destination"/>, without allocating; returns how many.</summary>
    public static int HashInto(ReadOnlySpan<char> normalized, Span<uint> destination)
    {
        if (normalized.Length < Size)
        {
            if (normalized.Length > 0) destination[0] = Hash(normalized);
            return Math.Min(normalized.Length, 1);
        }
        var count = normalized.Length - Size + 1;
        destination = destination[..count];
        // The three characters as in Hash, shifted in one at a time.
        var x = (ulong)normalized[0] << 16 | (ulong)normalized[1] << 32;
        for (var i = 0; i < destination.Length; i++)
        {
            x = (x >> 16) | (ulong)normalized[i + 2] << 32;
            destination[i] = Mix(x);
        }
        return count;
    }

    /// <summary>The hash of one shingle (up to <see cref="Size"/> characters).</summary>
    public static uint Hash(ReadOnlySpan<char> shingle)
    {
        ulong x = 0;
        for (var i = 0; i < shingle.Length && i < Size; i++) x |= (ulong)shingle[i] << (16 * i);
        return Mix(x);
    }

    /// <summary>murmur3's finaliser: every input bit reaches every output bit, so the low 32 bits are uniform.</summary>
    internal static uint Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return (uint)x;
    }
}
