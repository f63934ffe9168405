using System.Buffers.Binary;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// The compact form of one text that the index keeps: its winnowed fingerprints. Small enough
/// (4 bytes a fingerprint, ≈ 160 bytes for 500 字) to be stored beside the record, so that an
/// index can be rebuilt without re-reading every text.
/// </summary>
public sealed class TextSketch
{
    private TextSketch(uint[] fingerprints, int length)
    {
        Fingerprints = fingerprints;
        Length = length;
    }

    /// <summary>Distinct fingerprints, sorted ascending.</summary>
    public IReadOnlyList<uint> Fingerprints { get; }

    /// <summary>Length of the normalised text in 字.</summary>
    public int Length { get; }

    internal uint[] Keys => (uint[])Fingerprints;

    /// <summary>Sketches <paramref name="text"/> with the winnowing window of <paramref name="settings"/>.</summary>
    public static TextSketch Of(string text, SimilaritySettings? settings = null)
    {
        var buffer = text.Length <= 4096 ? stackalloc char[text.Length] : new char[text.Length];
        var normalized = buffer[..TextNormalizer.NormalizeInto(text, buffer)];
        var window = (settings ?? Default).Window;
        return new TextSketch(Winnowing.Fingerprints(Shingles.Hashes(normalized), window), normalized.Length);
    }

    /// <summary>Little-endian: length (int), then the fingerprints.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[4 + 4 * Keys.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Length);
        for (var i = 0; i < Keys.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + 4 * i), Keys[i]);
        return bytes;
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    public static TextSketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        var keys = new uint[(bytes.Length - 4) / 4];
        for (var i = 0; i < keys.Length; i++) keys[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 + 4 * i)..]);
        return new TextSketch(keys, BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }

    private static readonly SimilaritySettings Default = new();
}
