namespace Jiebang.Domain.Similarity;

public sealed partial class SimilarityIndex
{
    private const int Magic = 0x4953424A; // "JBSI"
    private const int FormatVersion = 5; // 2: fingerprint pairs; 3: sentence counts; 4: passage n-grams; 5: their keys repeated, no starts

    /// <summary>
    /// The whole index as bytes (settings, ids, weights, postings as raw little-endian arrays), about
    /// as large as the index in memory; merges recent additions first.
    /// </summary>
    public byte[] Save()
    {
        _lock.EnterWriteLock();
        try
        {
            MergeLocked();
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Settings.Window);
            writer.Write(Settings.StopFraction);
            writer.Write(Settings.MinStopDocuments);
            writer.Write(Settings.MinSharedWeight);
            writer.Write(Settings.PassageChars);
            writer.Write(Settings.MinEvidenceChars);
            writer.Write(Settings.PairWindow);
            writer.Write(Settings.MinConfirmedPassageChars);
            writer.Write(Settings.PassageGram);
            writer.Write(Settings.PassageSpacing);
            writer.Write(_count);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_ids.AsSpan(0, _count)));
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_weights.AsSpan(0, _count)));
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_alive.AsSpan(0, _count)));
            _postings.WriteTo(writer);
            _pairs.WriteTo(writer);
            _passages.WriteTo(writer);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_sentenceCounts.AsSpan()));
            writer.Flush();
            return stream.ToArray();
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// Reads what <see cref="Save"/> wrote. What only a query reads (how many candidates, and how many of them are
    /// kept for shared passages) is not saved: it comes from <paramref name="queryTime"/>, or the defaults.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a saved index of this version.</exception>
    public static SimilarityIndex Load(ReadOnlySpan<byte> bytes, SimilaritySettings? queryTime = null)
    {
        queryTime ??= new SimilaritySettings();
        var header = PostingIndex.Take<int>(ref bytes, 3);
        if (header[0] != Magic || header[1] != FormatVersion) throw new FormatException($"Not a similarity index of format version {FormatVersion}.");
        var settings = new SimilaritySettings
        {
            Window = header[2],
            StopFraction = PostingIndex.Take<double>(ref bytes, 1)[0],
            MinStopDocuments = PostingIndex.Take<int>(ref bytes, 1)[0],
            MinSharedWeight = PostingIndex.Take<double>(ref bytes, 1)[0],
            PassageChars = PostingIndex.Take<int>(ref bytes, 1)[0],
            MinEvidenceChars = PostingIndex.Take<int>(ref bytes, 1)[0],
            PairWindow = PostingIndex.Take<int>(ref bytes, 1)[0],
            MinConfirmedPassageChars = PostingIndex.Take<int>(ref bytes, 1)[0],
            PassageGram = PostingIndex.Take<int>(ref bytes, 1)[0],
            PassageSpacing = PostingIndex.Take<int>(ref bytes, 1)[0],
            Candidates = queryTime.Candidates,
            PassageCandidates = queryTime.PassageCandidates,
        };
        var count = PostingIndex.Take<int>(ref bytes, 1)[0];
        var index = new SimilarityIndex(settings)
        {
            _ids = PostingIndex.Take<long>(ref bytes, count),
            _weights = PostingIndex.Take<float>(ref bytes, count),
            _alive = PostingIndex.Take<bool>(ref bytes, count),
            _count = count,
        };
        index._postings = PostingIndex.ReadFrom(ref bytes);
        index._pairs = PostingIndex.ReadFrom(ref bytes);
        index._passages = PostingIndex.ReadFrom(ref bytes);
        index._sentenceCounts = PostingIndex.Take<int>(ref bytes, SentenceSlots);
        index._byId.EnsureCapacity(count);
        for (var doc = 0; doc < count; doc++) if (index._alive[doc]) index._byId[index._ids[doc]] = doc;
        if (count == 0) index.Grow(1024);
        return index;
    }
}
