using System.Buffers;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// Fingerprints of sequence: each pair of consecutive winnowed fingerprints of a text is hashed,
/// and the pair hashes are winnowed again, so that a text keeps about 2/(w+1) of its pairs and any
/// <c>w</c> consecutive pairs it shares with another text give a shared pair.
/// </summary>
/// <remarks>
/// In a large corpus of one area each trigram fingerprint of a copied paragraph may recur in
/// thousands of texts and weigh next to nothing, but two of them one after the other (about 15 to
/// 40 字 of text) are rare: a reused paragraph's source shares several rare pairs with the query
/// while texts of the same area, sharing only phrases, share few. Pairs are kept in an index of
/// their own and only rank the candidates to confirm (<see cref="SimilarityIndex.Candidates(string)"/>).
/// </remarks>
public static class FingerprintPairs
{
    /// <summary>The distinct pair fingerprints of <paramref name="selected"/> (fingerprints in text order), sorted ascending.</summary>
    public static uint[] Of(ReadOnlySpan<uint> selected, int window)
    {
        if (selected.Length < 2) return [];
        var length = selected.Length - 1;
        var rented = length <= Winnowing.StackLimit ? null : ArrayPool<uint>.Shared.Rent(length);
        var pairs = rented is null ? stackalloc uint[length] : rented.AsSpan(0, length);
        for (var i = 0; i < pairs.Length; i++) pairs[i] = Hash(selected[i], selected[i + 1]);
        var fingerprints = Winnowing.Fingerprints(pairs, window);
        if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        return fingerprints;
    }

    // Order matters (a, b is not b, a); murmur3's finaliser spreads both halves over all bits.
    private static uint Hash(uint first, uint second) => Shingles.Mix(((ulong)first << 32) | second);
}
