using Microsoft.AspNetCore.Http;

namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// Links of a staff list that keep its filters: the current URL with one parameter changed. A list's
/// state lives in its URL (a GET form), so a page, a sort or a chart bar can be bookmarked and sent on.
/// </summary>
public static class ListLinks
{
    /// <summary>The request's path and query with each named parameter set (or removed when its value is null or empty).</summary>
    public static string With(this HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query
            .Where(q => !changes.Any(c => string.Equals(c.Key, q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Concat(changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => (c.Key, Value: c.Value!)))
            .Where(q => q.Value.Length > 0)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value));
        var text = string.Join("&", query);
        return request.PathBase + request.Path + (text.Length > 0 ? "?" + text : "");
    }
}

/// <summary>What <c>_Pager.cshtml</c> needs: where the list stands and the name of its page parameter.</summary>
public sealed record Pager(int Page, int Pages, int Total, string PageKey = "page")
{
    public static Pager Of<T>(Features.Lists.Paged<T> paged, string pageKey = "page") => new(paged.Page, paged.Pages, paged.Total, pageKey);

    /// <summary>The first and last page, and two on either side of this one; gaps are null.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = Enumerable.Range(1, Pages).Where(n => n == 1 || n == Pages || Math.Abs(n - Page) <= 2).ToList();
        var numbers = new List<int?>();
        foreach (var n in shown)
        {
            if (numbers.Count > 0 && numbers[^1] is { } last && n > last + 1) numbers.Add(null);
            numbers.Add(n);
        }
        return numbers;
    }
}

/// <summary>A sortable column's header: the key it sorts by and the list's current sort ("key" or "-key").</summary>
public sealed record SortHeader(string Label, string Key, string Current, string SortKey = "sort", string PageKey = "page")
{
    public bool Ascending => Current == Key;
    public bool Descending => Current == "-" + Key;
    public string AriaSort => Ascending ? "ascending" : Descending ? "descending" : "none";
    /// <summary>A second click on the sorted column turns its order round.</summary>
    public string Next => Ascending ? "-" + Key : Key;
}
