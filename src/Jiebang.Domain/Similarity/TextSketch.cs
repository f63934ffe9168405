using System.Buffers;
using System.Buffers.Binary;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// The compact form of one text that the index keeps: its winnowed fingerprints, fingerprint
/// pairs, sentence hashes and sampled passage n-grams (<see cref="PassageGrams"/>). Small enough
/// (4 bytes a key, ≈ 400 bytes for 500 字) to be stored beside the record, so that an index can be
/// rebuilt without re-reading every text.
/// </summary>
public sealed class TextSketch
{
    private const int PairsFormat = -2; // first int of ToBytes since pairs; before, the first int was the length (≥ 0)
    private const int SentencesFormat = -3; // since sentence hashes, after the pairs
    private const int PassagesFormat = -4; // since passage n-grams, after the sentences: 20-grams at every 31st position, the only ones saved so
    private const int PassageSettingsFormat = -5; // since the passage n-grams' length and spacing are settings saved with them

    private TextSketch(uint[] fingerprints, uint[] pairs, int length, uint[]? sentences = null, uint[]? passages = null,
        (int Gram, int Spacing) passageSettings = default)
    {
        Fingerprints = fingerprints;
        Pairs = pairs;
        Length = length;
        Sentences = sentences ?? [];
        Passages = passages ?? [];
        // A sketch read without passage n-grams and saved again keeps none, whatever its format.
        HasPassages = passages is not null && passageSettings.Gram > 0;
        (PassageGram, PassageSpacing) = HasPassages ? passageSettings : default;
    }

    /// <summary>Distinct fingerprints, sorted ascending.</summary>
    public IReadOnlyList<uint> Fingerprints { get; }

    /// <summary>Distinct winnowed pairs of consecutive fingerprints (<see cref="FingerprintPairs"/>), sorted ascending.</summary>
    public IReadOnlyList<uint> Pairs { get; }

    /// <summary>Distinct hashes of the text's whole sentences (<see cref="Similarity.Sentences"/>), sorted ascending; none in a sketch saved before them.</summary>
    public IReadOnlyList<uint> Sentences { get; }

    /// <summary>
    /// The sampled passage n-grams (<see cref="PassageGrams.Sampled"/>), distinct and sorted ascending; none in a
    /// sketch saved before them (<see cref="HasPassages"/> is then false: make it again from the text).
    /// </summary>
    public IReadOnlyList<uint> Passages { get; }

    /// <summary>Whether the sketch was made with passage n-grams (a sketch saved by older code was not).</summary>
    public bool HasPassages { get; }

    /// <summary>The length, in normalised 字, of the passage n-grams the sketch kept (0 with none).</summary>
    public int PassageGram { get; }

    /// <summary>Every how many positions the sketch kept a passage n-gram (0 with none).</summary>
    public int PassageSpacing { get; }

    /// <summary>
    /// Whether the sketch kept the passage n-grams an index of <paramref name="settings"/> looks up: a sketch made
    /// with none, or with another length or spacing, is to be made again from its text before it is indexed.
    /// </summary>
    public bool HasPassagesFor(SimilaritySettings settings) =>
        HasPassages && PassageGram == settings.PassageGram && PassageSpacing == settings.PassageSpacing;

    /// <summary>Length of the normalised text in 字.</summary>
    public int Length { get; }

    internal uint[] Keys => (uint[])Fingerprints;

    internal uint[] PairKeys => (uint[])Pairs;

    internal uint[] SentenceKeys => (uint[])Sentences;

    internal uint[] PassageKeys => (uint[])Passages;

    /// <summary>The passage n-gram at every position, for a query (<see cref="ForQuery"/>); null in a sketch to index.</summary>
    internal uint[]? QueryPassageKeys { get; private init; }

    /// <summary>
    /// Sketches a text to look up: as <see cref="Of"/>, plus the passage n-gram at every position, so that a
    /// passage shared with a record is found whichever of its positions the record kept.
    /// </summary>
    public static TextSketch ForQuery(string text, SimilaritySettings? settings = null)
    {
        settings ??= Default;
        var sketch = Of(text, settings);
        return new TextSketch((uint[])sketch.Fingerprints, (uint[])sketch.Pairs, sketch.Length, (uint[])sketch.Sentences, (uint[])sketch.Passages,
            (sketch.PassageGram, sketch.PassageSpacing))
        {
            QueryPassageKeys = PassageGrams.All(TextNormalizer.NormalizeText(text), settings.PassageGram),
        };
    }

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
        var pairs = settings.PairWindow > 0 ? FingerprintPairs.Of(selected, settings.PairWindow) : [];
        var passages = PassageGrams.Sampled(normalized, settings.PassageGram, settings.PassageSpacing);
        var sketch = new TextSketch(Winnowing.DistinctSorted(selected), pairs, normalized.Length, Similarity.Sentences.Hashes(text), passages,
            (settings.PassageGram, settings.PassageSpacing));
        if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        return sketch;
    }

    /// <summary>
    /// Little-endian: a format mark (−5), length, number of fingerprints, of pairs, of sentence hashes, the passage
    /// n-grams' length and spacing, the fingerprints, the pairs, the sentence hashes, then the passage n-grams.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[28 + 4 * (Keys.Length + PairKeys.Length + SentenceKeys.Length + PassageKeys.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, PassageSettingsFormat);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Keys.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), PairKeys.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), SentenceKeys.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(20), PassageGram);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), PassageSpacing);
        var at = 28;
        foreach (var key in Keys.Concat(PairKeys).Concat(SentenceKeys).Concat(PassageKeys))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), key);
            at += 4;
        }
        return bytes;
    }

    /// <summary>
    /// Reads what <see cref="ToBytes"/> wrote; a sketch saved before pairs, sentences or passage n-grams
    /// existed reads with none (and <see cref="HasPassages"/> false), one saved before their settings were
    /// with 20-grams at every 31st position, the only ones saved then.
    /// </summary>
    public static TextSketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        var first = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (first is PassagesFormat or PassageSettingsFormat)
        {
            var (fingerprints, pairs, sentences) = (BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]));
            var passageSettings = first == PassagesFormat ? (20, 31)
                : (BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]));
            var body = bytes[(first == PassagesFormat ? 20 : 28)..];
            return new TextSketch(ReadKeys(body[..(4 * fingerprints)]), ReadKeys(body.Slice(4 * fingerprints, 4 * pairs)),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]), ReadKeys(body.Slice(4 * (fingerprints + pairs), 4 * sentences)),
                ReadKeys(body[(4 * (fingerprints + pairs + sentences))..]), passageSettings);
        }
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
