using System.Globalization;

namespace Jiebang.Domain.Similarity;

/// <summary>
/// Folds the ways the same Chinese text is typed differently: full- and half-width forms
/// (Ａ１，→ a1), upper and lower case, and drops punctuation, symbols and white space, so that
/// "本项目（2024年）" and "本项目 (2024年)" shingle the same. Punctuation is dropped rather than
/// folded because applicants change it freely when they reuse a paragraph.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/> and keeps the original offset of each character.</summary>
    public static NormalizedText Normalize(string text)
    {
        var chars = new char[text.Length];
        var offsets = new int[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (c == '\0') continue;
            chars[length] = c;
            offsets[length++] = i;
        }
        Array.Resize(ref offsets, length);
        return new NormalizedText(new string(chars, 0, length), offsets);
    }

    /// <summary>Normalises without keeping offsets: the indexing path, where they are not needed.</summary>
    public static string NormalizeText(string text)
    {
        var buffer = text.Length <= 4096 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..NormalizeInto(text, buffer)]);
    }

    /// <summary>Writes the normalised text into <paramref name="destination"/> (as long as the text) and returns its length.</summary>
    public static int NormalizeInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var folds = Folds;
        foreach (var ch in text)
        {
            // The common ideographs as they are; any other character from the table of Fold.
            var c = ch is >= '\u4E00' and <= '\u9FFF' ? ch : folds[ch];
            if (c != '\0') destination[length++] = c;
        }
        return length;
    }

    /// <summary>
    /// <see cref="Fold"/> of every UTF-16 unit (128 KB, made once): the Unicode category look-up
    /// of punctuation such as 、。 was most of the cost of normalising.
    /// </summary>
    private static readonly char[] Folds = MakeFolds();

    private static char[] MakeFolds()
    {
        var folds = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) folds[c] = Fold((char)c);
        return folds;
    }

    /// <summary>The folded character, or '\0' when the character carries no content.</summary>
    private static char Fold(char c)
    {
        if (c is >= '\u4E00' and <= '\u9FFF') return c; // the common ideographs: most of every text

        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII block
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9') return c;
        if (c < 0x80) return '\0';
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter => char.ToLowerInvariant(c),
            UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.Surrogate => c,
            _ => '\0', // punctuation, symbols, spaces (U+3000 included), controls, zero-width formats
        };
    }
}
