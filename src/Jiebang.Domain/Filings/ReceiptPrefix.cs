using System.Text.RegularExpressions;

namespace Jiebang.Domain.Filings;

/// <summary>
/// A receipt number as typed into a search, whole or its beginning: the ranges its round and filing ids lie in.
/// Receipts read <c>XQ003-000042-2</c> (letters, round padded to 3 digits, filing id padded to 6, version;
/// <see cref="FilingLifecycle{TStatus}"/>), so a list finds them by its primary key and confirms by the text.
/// </summary>
public sealed partial record ReceiptPrefix(string Text, IReadOnlyList<ReceiptPrefix.Range> Rounds, IReadOnlyList<ReceiptPrefix.Range> Ids)
{
    public readonly record struct Range(int From, int To);

    const int RoundWidth = 3, IdWidth = 6, MaxDigits = 9;

    /// <summary>The prefix, upper-cased, when the text is the letters and at least the round's three digits; otherwise null (plain text).</summary>
    public static ReceiptPrefix? Parse(string? text, string letters)
    {
        var normalized = (text ?? "").Trim().ToUpperInvariant();
        if (!normalized.StartsWith(letters, StringComparison.Ordinal)) return null;
        var match = Shape().Match(normalized[letters.Length..]);
        if (!match.Success) return null;
        var round = match.Groups["round"].Value;
        var rounds = Ranges(round, complete: match.Groups["dash"].Success, RoundWidth);
        var ids = match.Groups["id"].Success && match.Groups["id"].Length > 0
            ? Ranges(match.Groups["id"].Value, complete: match.Groups["version"].Success, IdWidth)
            : [new Range(1, int.MaxValue)];
        return new ReceiptPrefix(normalized, rounds, ids);
    }

    /// <summary>
    /// The numbers whose padded form starts with the digits (or is them, when complete): a padded form is at
    /// least <paramref name="width"/> digits, and only one of exactly that width may start with a zero.
    /// </summary>
    static IReadOnlyList<Range> Ranges(string digits, bool complete, int width)
    {
        var ranges = new List<Range>();
        for (var length = Math.Max(digits.Length, width); length <= MaxDigits; length++)
        {
            if (length > width && digits[0] == '0') break;
            if (complete && length != digits.Length) break;
            var scale = (long)Math.Pow(10, length - digits.Length);
            var from = long.Parse(digits) * scale;
            ranges.Add(new Range((int)Math.Min(from, int.MaxValue), (int)Math.Min(from + scale - 1, int.MaxValue)));
        }
        return ranges;
    }

    [GeneratedRegex(@"^(?<round>\d{3,9})(?:(?<dash>-)(?:(?<id>\d{0,9})(?:(?<version>-)\d{0,9})?)?)?$")]
    private static partial Regex Shape();
}
