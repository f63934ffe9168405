namespace Jiebang.Web.Features.Forms;

/// <summary>
/// A form a round names: "annex2" (its newest version) or "annex2@1" (that version exactly), so a
/// round keeps the form it opened with when next year's version is loaded.
/// </summary>
public sealed record FormRef(string Key, int Version)
{
    public static FormRef Parse(string text)
    {
        var parts = text.Trim().Split('@', 2);
        return new FormRef(parts[0], parts.Length == 2 && int.TryParse(parts[1], out var v) ? v : 0);
    }

    public static IReadOnlyList<FormRef> ListOf(IEnumerable<string> forms) =>
        forms.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Parse).ToList();
}
