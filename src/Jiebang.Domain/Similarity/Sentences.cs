namespace Jiebang.Domain.Similarity;

/// <summary>
/// Whole sentences of a text, hashed after normalisation: what tells boilerplate (a sentence many
/// records hold whole, such as the area's stock commitment) from content whose phrasing is common.
/// A sentence ends at 。；！？ or a line break; shorter ones than <see cref="MinChars"/> are left out.
/// </summary>
public static class Sentences
{
    /// <summary>Fewest normalised 字 of a sentence that is counted.</summary>
    public const int MinChars = 8;

    private const string Ends = "。；！？;!?\n";

    /// <summary>Whether the original text has a sentence end between two characters at these offsets.</summary>
    public static bool EndsBetween(string original, int leftOffset, int rightOffset) =>
        original.AsSpan(leftOffset + 1, rightOffset - leftOffset - 1).IndexOfAny(Ends) >= 0;

    /// <summary>The distinct hashes of the sentences of <paramref name="text"/>, sorted ascending.</summary>
    public static uint[] Hashes(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[512];
        var hashes = new List<uint>();
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Ends);
            var sentence = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (sentence.Length > buffer.Length) sentence = sentence[..buffer.Length]; // a "sentence" of 512 characters is not boilerplate
            var length = TextNormalizer.NormalizeInto(sentence, buffer);
            if (length >= MinChars) hashes.Add(Hash(buffer[..length]));
        }
        hashes.Sort();
        return [.. hashes.Distinct()];
    }

    /// <summary>FNV-1a of the normalised characters.</summary>
    public static uint Hash(ReadOnlySpan<char> normalized)
    {
        var hash = 2166136261u;
        foreach (var c in normalized) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
