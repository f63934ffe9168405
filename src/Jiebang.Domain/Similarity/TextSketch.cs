using System.Buffers;
using System.Buffers.Binary;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// The compact form of one text that the index keeps: its winnowed fingerprints and fingerprint
/// pairs. Small enough (4 bytes a fingerprint, ≈ 230 bytes for 500 字) to be stored beside the
/// record, so that an index can be rebuilt without re-reading every text.
/// </summary>
public sealed class TextSketch
{
    private const int PairsFormat = -2; // first int of ToBytes since pairs; before, the first int was the length (≥ 0)
    private const int SentencesFormat = -3; // since sentence hashes, after the pairs

    private TextSketch(uint[] fingerprints, uint[] pairs, int length, uint[]? sentences = null)
    {
        Fingerprints = fingerprints;
        Pairs = pairs;
        Length = length;
        Sentences = sentences ?? [];
    }

    /// <summary>Distinct fingerprints, sorted ascending.</summary>
    public IReadOnlyList<uint> Fingerprints { get; }

    /// <summary>Distinct winnowed pairs of consecutive fingerprints (<see cref="FingerprintPairs"/>), sorted ascending.</summary>
    public IReadOnlyList<uint> Pairs { get; }

    /// <summary>Distinct hashes of the text's whole sentences (<see cref="Similarity.Sentences"/>), sorted ascending; none in a sketch saved before them.</summary>
    public IReadOnlyList<uint> Sentences { get; }

    /// <summary>Length of the normalised text in 字.</summary>
    public int Length { get; }

    internal uint[] Keys => (uint[])Fingerprints;

    internal uint[] PairKeys => (uint[])Pairs;

    internal uint[] SentenceKeys => (uint[])Sentences;

    /// <summary>Sketches <paramref name="text"/> with the winnowing windows of <paramref name="settings"/>.</summary>
    public static TextSketch Of(string text, SimilaritySettings? settings = null)
    {
        settings ??= Default;
        // No allocation but the sketch's own arrays: on the stack for texts of up to 2,048 chars, else pooled.
        var rentedChars = text.Length <= Winnowing.StackLimit ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rentedChars is null ? stackalloc char[text.Length] : rentedChars.AsSpan(0, text.Length);
        var normalized = buffer[..TextNormalizer.NormalizeInto(text, buffer)];
        var count = Shingles.CountFor(normalized.Length);
        var rented = count <= Winnowing.StackLimit ? null : ArrayPool<uint>.Shared.Rent(2 * count);
        var hashes = rented is null ? stackalloc uint[count] : rented.AsSpan(0, count);
        var selected = rented is null ? stackalloc uint[count] : rented.AsSpan(count, count);
        Shingles.HashInto(normalized, hashes);
        selected = selected[..Winnowing.SelectInto(hashes, settings.Window, selected)];
        var pairs = FingerprintPairs.Of(selected, settings.PairWindow);
        var sketch = new TextSketch(Winnowing.DistinctSorted(selected), pairs, normalized.Length, Similarity.Sentences.Hashes(text));
        if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        return sketch;
    }

    /// <summary>
    /// Little-endian: a format mark (−3), length, number of fingerprints, number of pairs, the
    /// fingerprints, the pairs, then the sentence hashes.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[16 + 4 * (Keys.Length + PairKeys.Length + SentenceKeys.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, SentencesFormat);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Keys.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), PairKeys.Length);
        var at = 16;
        foreach (var key in Keys.Concat(PairKeys).Concat(SentenceKeys))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), key);
            at += 4;
        }
        return bytes;
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote; a sketch saved before pairs or sentences existed reads with none.</summary>
    public static TextSketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        var first = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (first == SentencesFormat)
        {
            var (fingerprints, pairs) = (BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]));
            var body = bytes[16..];
            return new TextSketch(ReadKeys(body[..(4 * fingerprints)]), ReadKeys(body.Slice(4 * fingerprints, 4 * pairs)),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]), ReadKeys(body[(4 * (fingerprints + pairs))..]));
        }
        if (first != PairsFormat) return new TextSketch(ReadKeys(bytes[4..]), [], first);
        var keyCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var keys = bytes[12..];
        return new TextSketch(ReadKeys(keys[..(4 * keyCount)]), ReadKeys(keys[(4 * keyCount)..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]));
    }

    private static uint[] ReadKeys(ReadOnlySpan<byte> bytes)
    {
        var keys = new uint[bytes.Length / 4];
        for (var i = 0; i < keys.Length; i++) keys[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
        return keys;
    }

    private static readonly SimilaritySettings Default = new();
}
