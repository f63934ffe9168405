using System.Xml.Linq;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Calls;

[Trait("Category", "Database")]
public sealed class CallFeedTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feed_IsAtomWithTheCallAndItsPublishedItems_AsEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var call = await TestGuidelines.CallAsync(host.App, title: "订阅测试申报");
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var item = await TestGuidelines.ItemAsync(host.App, call, demand, "订阅中的项 <&>", true);
        await TestGuidelines.ItemAsync(host.App, call, demand, "订阅中不应出现的草稿", false);

        var response = await host.App.NewClient().GetAsync("/calls/feed.atom", ct);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(ct)).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("tag:", feed.Element(Atom + "id")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.All(entries, e =>
        {
            Assert.StartsWith("tag:", e.Element(Atom + "id")!.Value);
            foreach (var name in new[] { "title", "updated", "summary" }) Assert.NotNull(e.Element(Atom + name));
            Assert.StartsWith("http", e.Element(Atom + "link")!.Attribute("href")!.Value);
        });
        Assert.Single(entries, e => e.Element(Atom + "title")!.Value == "订阅测试申报");
        var entry = Assert.Single(entries, e => e.Element(Atom + "title")!.Value == "订阅测试申报：订阅中的项 <&>");
        Assert.EndsWith($"/calls/{call}/items/{item}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("草稿"));
    }
}
