using System.Xml;
using System.Xml.Linq;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;

namespace Jiebang.Web.Features.Calls;

/// <summary>
/// The Atom 1.0 feed (RFC 4287) of published calls and their items, built as XML, never as text.
/// Entry ids are tag: URIs (RFC 4151) that stay the same whatever host name the site is served under.
/// </summary>
public sealed class CallFeed(PublicCalls calls)
{
    public const string ContentType = "application/atom+xml";
    public const string Path = "/calls/feed.atom";
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    const string TagAuthority = "tag:jiebang.longquan.gov.cn,2024:";
    const int MaxItems = 100;

    public async Task<byte[]> BuildAsync(string siteBase, CancellationToken cancellationToken = default)
    {
        var list = await calls.ListAsync(cancellationToken);
        var items = await calls.RecentItemsAsync(MaxItems, cancellationToken);
        var entries = list.Select(c => Entry($"call/{c.Id}", c.Title, c.UpdatedAt, c.PublishedAt, siteBase + c.Url,
                $"申报时间：{ChinaTime.Format(c.OpensAt)} 至 {ChinaTime.Format(c.ClosesAt)}；榜单项 {c.ItemCount} 项。"))
            .Concat(items.Select(x => Entry($"call/{x.Call.Id}/item/{x.Item.Id}",
                (x.Item.Status == GuidelineItemStatus.Withdrawn ? "【已撤榜】" : "") + $"{x.Call.Title}：{x.Item.Name}",
                x.Item.UpdatedAt, x.Item.PublishedAt!.Value, siteBase + PublicCalls.ItemUrl(x.Call.Id, x.Item.Id),
                $"{x.Item.Area}{(x.Item.Direction.Length > 0 ? " · " + x.Item.Direction : "")} · {SupportChannels.NameOf(x.Item.Channel).Zh}")))
            .OrderByDescending(e => (DateTimeOffset)e.Element(Atom + "updated")!)
            .ToList();
        var updated = entries.Count > 0 ? (DateTimeOffset)entries[0].Element(Atom + "updated")! : DateTimeOffset.UnixEpoch;
        var feed = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Atom + "feed", new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
                new XElement(Atom + "id", TagAuthority + "calls"),
                new XElement(Atom + "title", "龙泉市科技项目申报通知与榜单"),
                new XElement(Atom + "subtitle", "龙泉市科学技术局发布的揭榜挂帅申报通知和榜单项"),
                new XElement(Atom + "updated", Stamp(updated)),
                new XElement(Atom + "author", new XElement(Atom + "name", "龙泉市科学技术局")),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", ContentType), new XAttribute("href", siteBase + Path)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", siteBase + "/calls")),
                entries));
        using var stream = new MemoryStream();
        await using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            await feed.SaveAsync(writer, cancellationToken);
        return stream.ToArray();
    }

    static XElement Entry(string id, string title, DateTimeOffset updated, DateTimeOffset published, string link, string summary) =>
        new(Atom + "entry",
            new XElement(Atom + "id", TagAuthority + id),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "published", Stamp(published)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", link)),
            new XElement(Atom + "summary", summary));

    /// <summary>RFC 3339, in China Standard Time as the pages show it.</summary>
    static string Stamp(DateTimeOffset at) => at.ToChina().ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}
