using System.Collections.Concurrent;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (WCAG 2.x A and AA rules) on every document any page of a watched browser context
/// loads, so that no browser test can forget it. At the load event the page itself copies its
/// document (scripts left out, a base address added) and hands the copy over through a binding;
/// axe checks the copy in a page of its own at the same size while the test goes on.
/// <see cref="AxeCheckAfterEachTestAttribute"/> fails the test on a serious or critical finding.
/// </summary>
/// <remarks>
/// axe does not run in the test's own page: a test moves on as soon as a page has loaded, and a
/// run still going when the page leaves is lost, or, when the navigation waits for it, never ends
/// (Deque.AxeCore.Playwright's <c>RunAxe</c> behaves the same). The copy is taken inside the load
/// event, before the test can act. The bundled axe-core comes from Deque.AxeCore.Commons (with
/// Deque.AxeCore.Playwright); the copying script is an init script and axe is evaluated in the checking
/// page, neither of which the app's Content-Security-Policy (script-src 'self') governs, so neither
/// BypassCSP nor a change to the CSP is needed.
/// </remarks>
public sealed class AxeWatch
{
    static readonly ConcurrentDictionary<string, AxeWatch> ByTest = new();
    static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    const string Binding = "__jiebangAxeCopy";

    const string CopyOnLoad = """
        if (window === window.top) {
          window.addEventListener('load', () => window.__jiebangAxeCopy(JSON.stringify({
            url: location.href, width: innerWidth, height: innerHeight, html: (%COPY%)() })));
        }
        """;

    const string Copy = """
        () => {
          const copy = document.documentElement.cloneNode(true);
          copy.querySelectorAll('script').forEach(s => s.remove());
          const base = document.createElement('base');
          base.href = document.baseURI;
          // The copy's stylesheets load after its first paint: without this its colours would be checked
          // halfway through Bootstrap's transitions from the browser's defaults.
          const still = document.createElement('style');
          still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
          copy.querySelector('head')?.prepend(base, still);
          return '<!DOCTYPE html>' + copy.outerHTML;
        }
        """;

    // One evaluate that runs axe.run and answers only what a failure message needs.
    const string Run = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                         nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html })) })));
        }
        """;

    sealed record Document(string Url, int Width, int Height, string Html);
    sealed record Violation(string Id, string Impact, string Help, string HelpUrl, Node[] Nodes);
    sealed record Node(string Target, string Html);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly ConcurrentBag<Task> _checks = [];
    readonly ConcurrentDictionary<string, string> _findings = new();
    readonly ConcurrentBag<string> _checked = [];
    readonly SemaphoreSlim _checker = new(1, 1);
    IBrowser? _browser;
    IBrowserContext? _checkerContext;
    IPage? _checkerPage;

    /// <summary>The watch of the test that is running (one a test, whichever fixture made its pages).</summary>
    public static AxeWatch ForCurrentTest() =>
        ByTest.GetOrAdd(TestContext.Current.Test?.UniqueID ?? "", _ => new AxeWatch());

    internal static AxeWatch? Take(string testId) => ByTest.TryRemove(testId, out var watch) ? watch : null;

    /// <summary>The paths checked so far, for tests that want to see that their pages were.</summary>
    public IReadOnlyCollection<string> CheckedPaths => [.. _checked];

    public async Task WatchAsync(IBrowserContext context)
    {
        _browser ??= context.Browser;
        await context.ExposeBindingAsync(Binding, (BindingSource _, string document) =>
            _checks.Add(CheckAsync(JsonSerializer.Deserialize<Document>(document, Json)!)));
        await context.AddInitScriptAsync(CopyOnLoad.Replace("%COPY%", Copy));
    }

    /// <summary>Checks the page's document as it is now, for a test that changed it without loading another.</summary>
    public async Task CheckNowAsync(IPage page)
    {
        var viewport = page.ViewportSize!;
        var check = CheckAsync(new(page.Url, viewport.Width, viewport.Height, await page.EvaluateAsync<string>(Copy)));
        _checks.Add(check);
        await check;
    }

    async Task CheckAsync(Document document)
    {
        var path = new Uri(document.Url).PathAndQuery;
        await _checker.WaitAsync();
        try
        {
            var checker = await CheckerAsync(document.Width, document.Height);
            await checker.SetContentAsync(document.Html);
            if (!await checker.EvaluateAsync<bool>("() => typeof axe === 'object'"))
                await checker.EvaluateAsync(AxeSource);
            var violations = JsonSerializer.Deserialize<Violation[]>(await checker.EvaluateAsync<string>(Run), Json)!;
            _checked.Add(path);
            foreach (var violation in violations)
            {
                var targets = string.Join("\n      ", violation.Nodes.Select(n => $"{n.Target}  {Shorten(n.Html)}"));
                _findings.TryAdd($"{violation.Id} {path} {document.Width}",
                    $"{violation.Impact}: {violation.Id} on {path} at {document.Width}px ({violation.Help}, {violation.HelpUrl})\n      {targets}");
            }
        }
        finally
        {
            _checker.Release();
        }
    }

    // One page checks every copy in turn: a new page for each cost more than the check itself (about 1 s of 2).
    async Task<IPage> CheckerAsync(int width, int height)
    {
        if (_checkerPage is null)
        {
            _checkerContext = await _browser!.NewContextAsync();
            _checkerPage = await _checkerContext.NewPageAsync();
        }
        if (_checkerPage.ViewportSize is not { } size || size.Width != width || size.Height != height)
            await _checkerPage.SetViewportSizeAsync(width, height);
        return _checkerPage;
    }

    static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";

    /// <summary>Waits for every check started, closes the checking context and answers what was found.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync()
    {
        // The checks run one after another, so the wait grows with how many a test queued.
        await Task.WhenAll(_checks).WaitAsync(TimeSpan.FromSeconds(60 + 10 * _checks.Count));
        if (_checkerContext is not null) await _checkerContext.CloseAsync();
        return [.. _findings.Values.Order()];
    }
}
