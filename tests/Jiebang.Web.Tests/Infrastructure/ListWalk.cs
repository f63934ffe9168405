using System.Net;
using System.Text.RegularExpressions;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>
/// A list that demands are decided through, worked through over HTTP as its user does (issue 12, item 5): the bureau's inbox and a
/// recommending unit's screening list share the walk (open a demand by the list's link, step to its neighbours, decide and land on
/// the next of the list), so each list's tests say only which list, which persona and what a decision says.
/// </summary>
/// <param name="client">The signed-in user of the list.</param>
/// <param name="path">The list's page, e.g. /Inbox.</param>
/// <param name="key">The prefix of the list's query keys, e.g. Filter.</param>
public sealed partial class ListWalk(HttpClient client, string path, string key)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The list of a round sorted by title, narrowed by the filters given, e.g. ("Status", "Submitted").</summary>
    public string Url(int round, params (string Name, string Value)[] filters) =>
        $"{path}?{key}.RoundId={round}" + string.Concat(filters.Select(f => $"&{Key(f)}")) + $"&{key}.Sort=title";

    /// <summary>The link to a demand that the list gives.</summary>
    public async Task<string> LinkAsync(int demand, int round, params (string Name, string Value)[] filters) =>
        Hrefs(await client.GetStringAsync(Url(round, filters), Ct))
            .Single(h => h.StartsWith($"/Demands/Details/{demand}?", StringComparison.Ordinal));

    /// <summary>Posts a decision from the demand's page opened by that link.</summary>
    public Task<HttpResponseMessage> DecideAsync(string link, string decision, string? reason = null)
    {
        var form = new Dictionary<string, string> { ["Decision.Decision"] = decision };
        if (reason is not null) form["Decision.Reason"] = reason;
        return client.PostFormAsync(link.Replace("?", "?handler=Decide&"), form, link);
    }

    /// <summary>
    /// Opens the middle one of three demands (a, b, c by title) from the list: it says where it stands, links its neighbours in the
    /// list (the next keeping every filter), and links back to the list with its filters and sort. Gives the middle one's page.
    /// </summary>
    public async Task<string> ExpectNeighboursAsync(int round, int a, int b, int c, params (string Name, string Value)[] filters)
    {
        var link = await LinkAsync(b, round, filters);
        Assert.Contains($"{key}.RoundId={round}", link);
        Assert.Contains($"{key}.Sort=title", link);
        var page = await client.GetStringAsync(link, Ct);

        Assert.Contains("第2项，共3项", page);
        Assert.StartsWith($"/Demands/Details/{a}?", RelLink(page, "prev"));
        Assert.StartsWith($"/Demands/Details/{c}?", RelLink(page, "next"));
        Assert.Contains($"{key}.RoundId={round}", RelLink(page, "next"));
        foreach (var filter in filters) Assert.Contains(Key(filter), RelLink(page, "next"));
        var first = await client.GetStringAsync(RelLink(page, "prev")!, Ct);
        Assert.Null(RelLink(first, "prev"));
        Assert.Contains("第1项，共3项", first);
        // Back to the list keeps its filters and sort.
        var back = Hrefs(page).Single(h => h.StartsWith($"{path}?", StringComparison.Ordinal));
        Assert.Contains($"{key}.RoundId={round}", back);
        Assert.Contains($"{key}.Sort=title", back);
        return page;
    }

    /// <summary>
    /// Accepts the first of a list of two submitted demands: the next of the list as it stood opens, in the same list, though the
    /// decision took the first out of it, and says what happened (<paramref name="said"/>).
    /// </summary>
    public async Task ExpectAcceptingOpensTheNextAsync(int round, int first, int second, string said)
    {
        var link = await LinkAsync(first, round, ("Status", "Submitted"));

        var decided = await DecideAsync(link, "Accept");

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var next = decided.Headers.Location!.OriginalString;
        Assert.StartsWith($"/Demands/Details/{second}?", next);
        Assert.Contains($"{key}.Status=Submitted", next);
        Assert.Contains($"{key}.RoundId={round}", next);
        var page = await client.GetStringAsync(next, Ct);
        Assert.Contains(said, page);
        Assert.Contains("已为您打开列表中的下一项。", page);
        Assert.Contains("第1项，共1项", page);
    }

    /// <summary>Returns the last of the list with a reason: the page stays on it and says it was the last.</summary>
    public async Task ExpectReturningTheLastStaysOnItAsync(int round, int last, string reason, string said)
    {
        var link = await LinkAsync(last, round);

        var decided = await DecideAsync(link, "Return", reason);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.StartsWith($"/Demands/Details/{last}?", decided.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync(decided.Headers.Location!.OriginalString, Ct);
        Assert.Contains(said, page);
        Assert.Contains("这是列表中的最后一项。", page);
    }

    public static IEnumerable<string> Hrefs(string page) => Href().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    /// <summary>The link of a page's previous or next record (rel="prev" or "next"), if it has one.</summary>
    public static string? RelLink(string page, string rel) =>
        Regex.Match(page, $"<a [^>]*rel=\"{rel}\"[^>]*>") is { Success: true } a ? Hrefs(a.Value).Single() : null;

    string Key((string Name, string Value) filter) => $"{key}.{filter.Name}={Uri.EscapeDataString(filter.Value)}";

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
