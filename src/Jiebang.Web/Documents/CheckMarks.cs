using System.Text;

namespace Jiebang.Web.Documents;

/// <summary>
/// The annexes' check boxes (□国内领先 □国际先进): how we print them, and how we recognise a tick
/// however it was typed — ☑, √, ✓, ■, X, ☒ or ⊠ in place of or beside the box.
/// </summary>
static class CheckMarks
{
    public const string Ticked = "☑";
    public const string Unticked = "☐";

    const string TickedChars = "☑✓✔√■☒⊠Xx×✗✘▣◼●";
    const string UntickedChars = "□☐▢◻○◯❑❒";

    public enum State { Absent, Plain, Unticked, Ticked }

    public static bool IsMark(char c) => TickedChars.Contains(c) || UntickedChars.Contains(c);

    public static bool HasMarks(string text) => Compact(text).Any(IsMark);

    /// <summary>
    /// For each name, whether it appears in the text and how its box is marked. Longer names are
    /// matched first so that one name inside another is not counted twice.
    /// </summary>
    public static Dictionary<string, State> Find(string text, IEnumerable<string> names)
    {
        var compact = Compact(text);
        var claimed = new bool[compact.Length];
        var states = new Dictionary<string, State>();
        foreach (var name in names.Distinct().OrderByDescending(n => n.Length))
        {
            var needle = Compact(name);
            var state = State.Absent;
            for (var at = needle.Length == 0 ? -1 : compact.IndexOf(needle, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                if (Enumerable.Range(at, needle.Length).Any(i => claimed[i])) continue;
                for (var i = at; i < at + needle.Length; i++) claimed[i] = true;
                var found = MarkBefore(compact, at);
                if (found > state) state = found;
            }
            states[name] = state;
        }
        return states;
    }

    // "□1.领跑（无人区）技术", "√ 国际先进", "☐√3年": skip the item number, then read the marks.
    static State MarkBefore(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '、')) i--;
        var state = State.Plain;
        for (; i >= 0 && IsMark(text[i]); i--)
            if (TickedChars.Contains(text[i])) return State.Ticked;
            else state = State.Unticked;
        return state;
    }

    /// <summary>Full-width forms folded (Ｘ → X, （ → (), white space removed.</summary>
    public static string Compact(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
