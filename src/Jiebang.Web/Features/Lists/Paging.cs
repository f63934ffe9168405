using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Lists;

/// <summary>One page of a staff list, counted and cut in the database.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize, string Sort)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where a record stands in a filtered, sorted list: its place (from 1), the list's length, its neighbours, and the page that holds it.</summary>
public sealed record ListPlace(int Position, int Total, int? Previous, int? Next, int Page);

/// <summary>Page numbers and sort keys as they come from a URL: anything out of range falls back to the first page and the list's default order.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int PageOf(int? page) => page is > 0 ? page.Value : 1;

    public static int SizeOf(int? size) => size is > 0 ? Math.Min(size.Value, MaxPageSize) : DefaultPageSize;

    /// <summary>"title" sorts ascending, "-title" descending; a key the list does not know gives its default.</summary>
    public static (string Key, bool Descending) SortOf(string? sort, IReadOnlyCollection<string> keys, string fallback)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-') ?? "";
        return keys.Contains(key) ? (key, descending) : SortOf(fallback, keys, keys.First());
    }

    public static string SortText((string Key, bool Descending) sort) => sort.Descending ? "-" + sort.Key : sort.Key;

    /// <summary>The page's rows of an ordered query, and the total of the whole query.</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, int? page, int? size, string sort,
        CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var (number, pageSize) = Clamp(page, size, total);
        var rows = await ordered.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(rows, total, number, pageSize, sort);
    }

    /// <summary>A page past the last shows the last.</summary>
    public static (int Page, int Size) Clamp(int? page, int? size, int total)
    {
        var pageSize = SizeOf(size);
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Min(PageOf(page), last), pageSize);
    }

    public static IOrderedQueryable<T> Order<T, TKey>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    /// <summary>The record's place among the list's ordered ids, or null when the list does not hold it.</summary>
    public static async Task<ListPlace?> PlaceOfAsync(this IQueryable<int> orderedIds, int id, CancellationToken cancellationToken)
    {
        var ids = await orderedIds.ToListAsync(cancellationToken);
        var at = ids.IndexOf(id);
        if (at < 0) return null;
        return new ListPlace(at + 1, ids.Count, at > 0 ? ids[at - 1] : null, at < ids.Count - 1 ? ids[at + 1] : null, at / DefaultPageSize + 1);
    }

    /// <summary>A list's filter and sort as its URL carries them ("Filter.Area" → "新材料"), the blank ones left out.</summary>
    public static Dictionary<string, string> Route(string prefix, params (string Key, string? Value)[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => prefix + "." + p.Key, p => p.Value!.Trim());
}
