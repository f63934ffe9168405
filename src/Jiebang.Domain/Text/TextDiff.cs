using System.Globalization;
using System.Text;

namespace Jiebang.Domain.Text;

/// <summary>
/// What changed within one text: the pieces kept, deleted and inserted, so that a reader sees the
/// changed words and not the whole field. Chinese has no spaces, so the text is compared by tokens
/// as <see cref="WordCount"/> counts them: each ideograph or punctuation mark alone, a run of Latin
/// letters and digits as one word, a run of white space as one. The longest common sequence of tokens
/// is kept; a kept run of one or two characters between two longer changes is folded into them, so that a
/// rewritten sentence reads as one deletion and one insertion and not as scattered common characters.
/// </summary>
public static class TextDiff
{
    public enum Kind { Same, Deleted, Inserted }

    public sealed record Piece(Kind Kind, string Text);

    /// <summary>Above this many token pairs (after the common start and end) the middle is shown replaced whole.</summary>
    public const long MaxComparedPairs = 4_000_000;

    const int FoldedSameChars = 2;

    public static IReadOnlyList<Piece> Compare(string? before, string? after)
    {
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        var pieces = new List<Piece>();
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start]) start++;
        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) (endA, endB) = (endA - 1, endB - 1);
        Add(pieces, Kind.Same, a, 0, start);
        Middle(pieces, a, start, endA, b, start, endB);
        Add(pieces, Kind.Same, a, endA, a.Count);
        return Tidy(Fold(Tidy(pieces)));
    }

    /// <summary>The text as tokens: one ideograph, punctuation mark or surrogate pair; one run of letters and digits; one run of white space.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (IsWordChar(text, i))
                while (i + length < text.Length && IsWordChar(text, i + length)) length++;
            else if (char.IsWhiteSpace(text[i]))
                while (i + length < text.Length && char.IsWhiteSpace(text[i + length])) length++;
            tokens.Add(text.Substring(i, length));
            i += length;
        }
        return tokens;
    }

    /// <summary>An ASCII or Latin letter or digit, part of a word like "GPT-4o" or "2024" (ideographs are words alone).</summary>
    static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '%';
        return char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter;
    }

    static void Middle(List<Piece> pieces, List<string> a, int fromA, int toA, List<string> b, int fromB, int toB)
    {
        var n = toA - fromA;
        var m = toB - fromB;
        if (n == 0 || m == 0 || (long)n * m > MaxComparedPairs)
        {
            Add(pieces, Kind.Deleted, a, fromA, toA);
            Add(pieces, Kind.Inserted, b, fromB, toB);
            return;
        }
        // lengths[i, j]: the longest common sequence of a[fromA + i..] and b[fromB + j..].
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lengths[i, j] = a[fromA + i] == b[fromB + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[fromA + x] == b[fromB + y])
            {
                pieces.Add(new Piece(Kind.Same, a[fromA + x]));
                (x, y) = (x + 1, y + 1);
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) pieces.Add(new Piece(Kind.Deleted, a[fromA + x++]));
            else pieces.Add(new Piece(Kind.Inserted, b[fromB + y++]));
        }
        Add(pieces, Kind.Deleted, a, fromA + x, toA);
        Add(pieces, Kind.Inserted, b, fromB + y, toB);
    }

    static void Add(List<Piece> pieces, Kind kind, List<string> tokens, int from, int to)
    {
        if (to > from) pieces.Add(new Piece(kind, string.Concat(tokens.GetRange(from, to - from))));
    }

    /// <summary>
    /// A short kept run between two longer changes becomes part of both: deleted from the old text,
    /// inserted in the new ("的" shared by two rewritten clauses), while a kept word between two small
    /// changes ("5000万元" → "8000万元，…") stays kept.
    /// </summary>
    static List<Piece> Fold(List<Piece> pieces)
    {
        // A run of changes is as long as the longer of its deletion and its insertion.
        int Run(int from, int step)
        {
            var length = 0;
            for (var i = from; i >= 0 && i < pieces.Count && pieces[i].Kind != Kind.Same; i += step) length = Math.Max(length, pieces[i].Text.Length);
            return length;
        }
        var folded = new List<Piece>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var length = piece.Text.Length;
            if (piece.Kind == Kind.Same && length <= FoldedSameChars && !string.IsNullOrWhiteSpace(piece.Text)
                && Run(i - 1, -1) is var before and > 0 && Run(i + 1, 1) is var after and > 0 && length * 3 <= Math.Min(before, after))
            {
                folded.Add(new Piece(Kind.Deleted, piece.Text));
                folded.Add(new Piece(Kind.Inserted, piece.Text));
            }
            else folded.Add(piece);
        }
        return folded;
    }

    /// <summary>Each run of changes as one deletion followed by one insertion, and neighbours of a kind joined.</summary>
    static List<Piece> Tidy(List<Piece> pieces)
    {
        var tidy = new List<Piece>();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        void Flush()
        {
            if (deleted.Length > 0) tidy.Add(new Piece(Kind.Deleted, deleted.ToString()));
            if (inserted.Length > 0) tidy.Add(new Piece(Kind.Inserted, inserted.ToString()));
            deleted.Clear();
            inserted.Clear();
        }
        foreach (var piece in pieces)
        {
            if (piece.Kind == Kind.Deleted) deleted.Append(piece.Text);
            else if (piece.Kind == Kind.Inserted) inserted.Append(piece.Text);
            else
            {
                Flush();
                if (tidy.Count > 0 && tidy[^1].Kind == Kind.Same) tidy[^1] = new Piece(Kind.Same, tidy[^1].Text + piece.Text);
                else tidy.Add(piece);
            }
        }
        Flush();
        return tidy;
    }
}
