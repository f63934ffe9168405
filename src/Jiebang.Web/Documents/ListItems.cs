using System.Text.RegularExpressions;

namespace Jiebang.Web.Documents;

/// <summary>
/// Splits what a filer wrote as a list inside one cell into its items: "1.抗拉强度≥600MPa",
/// "2、导电率…", "（3）…", "①…", one item a line, or items separated by ；.
/// When any item is numbered, the numbers decide: a line without a number continues the item before
/// it (a typed line break inside one item), and "1.… 2.…" on one line are two items when the second
/// number follows the first. Without numbers each line is an item, or each paragraph when a cell of
/// several paragraphs also has typed line breaks; ；or ; then separates items too. Full-width digits
/// count as digits; empty paragraphs and the separators at an item's end are dropped.
/// </summary>
static partial class ListItems
{
    public static IReadOnlyList<string> Split(IReadOnlyList<IReadOnlyList<string>> paragraphs)
    {
        var kept = paragraphs.Select(p => p.Select(l => l.Trim()).Where(l => l.Length > 0).ToList()).Where(p => p.Count > 0).ToList();
        var lines = kept.SelectMany(p => p).ToList();
        var items = lines.Any(IsNumbered) ? Numbered(lines) : Unnumbered(kept);
        return [.. items.Select(Clean).Where(i => i.Length > 0)];
    }

    static bool IsNumbered(string line) =>
        Marker().Matches(line).Any(m => m.Index == 0 || NumberOf(m) == 1);

    static IEnumerable<string> Numbered(IReadOnlyList<string> lines)
    {
        var items = new List<List<string>>();
        var headed = false;
        int? last = null;
        foreach (var line in lines)
        {
            var at = 0;
            var startsItem = false;
            foreach (Match marker in Marker().Matches(line))
            {
                if (marker.Index > 0 && NumberOf(marker) != (last ?? 0) + 1) continue;
                headed |= items.Count == 0 && !startsItem && line[at..marker.Index].Trim().Length > 0;
                Add(items, line[at..marker.Index], startsItem);
                at = marker.Index + marker.Length;
                startsItem = true;
                last = NumberOf(marker);
            }
            headed |= items.Count == 0 && !startsItem;
            Add(items, line[at..], startsItem);
        }
        // A heading before the first number ("主要参数如下：") is not an item.
        if (headed && CellText.JoinLine(items[0]) is [.., '：' or ':']) items.RemoveAt(0);
        return items.Select(CellText.JoinLine);
    }

    static void Add(List<List<string>> items, string piece, bool startsItem)
    {
        if (startsItem) items.Add([piece]);
        else if (piece.Trim().Length == 0) return;
        else if (items.Count == 0) items.Add([piece]);
        else items[^1].Add(piece);
    }

    static IEnumerable<string> Unnumbered(IReadOnlyList<List<string>> paragraphs)
    {
        var pieces = paragraphs.Count > 1 && paragraphs.Any(p => p.Count > 1)
            ? paragraphs.Select(CellText.JoinLine)
            : paragraphs.SelectMany(p => p);
        return pieces.SelectMany(p => Semicolon().Split(p));
    }

    static string Clean(string item) => item.Trim().TrimStart('•', '●', '·', '▪', '◆').Trim().TrimEnd('；', ';', '，', ',', '。', '、').Trim();

    static int NumberOf(Match marker)
    {
        if (marker.Groups["circled"].Success) return marker.Groups["circled"].Value[0] - '①' + 1;
        var n = marker.Groups["n"].Value;
        return char.IsDigit(n[0])
            ? n.Aggregate(0, (sum, c) => sum * 10 + (int)char.GetNumericValue(c))
            : ChineseNumber(n);
    }

    // 一 … 九, 十, 十一 … 十九, 二十 … 九十九.
    static int ChineseNumber(string n)
    {
        const string digits = "一二三四五六七八九";
        var ten = n.IndexOf('十');
        if (ten < 0) return digits.IndexOf(n[0]) + 1;
        var tens = ten == 0 ? 1 : digits.IndexOf(n[0]) + 1;
        var units = ten == n.Length - 1 ? 0 : digits.IndexOf(n[^1]) + 1;
        return tens * 10 + units;
    }

    // An item's number at a line's start or after a space or separator — 1. 1、 1) （1） 一、 but not
    // 1.5 — or a circled ① anywhere.
    [GeneratedRegex(@"(?:(?<=^|[\s；;，,。])(?:[(（]\s*(?<n>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|(?<n>[0-9０-９]{1,2})\s*[.．、)）](?![0-9０-９])|(?<n>[一二三四五六七八九十]{1,3})\s*[、.．])|(?<circled>[①-⑳]))\s*")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[；;]")]
    private static partial Regex Semicolon();
}
