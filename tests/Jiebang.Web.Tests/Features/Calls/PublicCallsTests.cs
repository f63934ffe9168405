using System.Net;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Calls;

/// <summary>The public face: what anyone reads without signing in, and nothing else.</summary>
[Trait("Category", "Database")]
public sealed class PublicCallsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_ReadsThePublishedCall_ItsItem_Forms_AndTheSameAsJson()
    {
        var call = await TestGuidelines.CallAsync(host.App, title: "公开测试申报");
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var item = await TestGuidelines.ItemAsync(host.App, call, demand, "公开的榜单项", publish: true);
        var draft = await TestGuidelines.ItemAsync(host.App, call, demand, "尚未发布的草稿项", publish: false);
        var anonymous = host.App.NewClient();

        var list = await anonymous.GetStringAsync("/calls", Ct);
        Assert.Contains($"href=\"/calls/{call}\"", list);
        var page = await anonymous.GetStringAsync($"/calls/{call}", Ct);
        Assert.Contains("公开的榜单项", page);
        Assert.DoesNotContain("尚未发布的草稿项", page);
        Assert.Contains("2024-04-19 10:00 (UTC&#x2B;8)", page); // the test clock plus 30 days, in CST
        Assert.Contains("距截止还有 30 天", System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"countdown\">[\\s\\S]*?</p>").Value);
        Assert.Contains("2191290347@qq.com", page);
        Assert.Contains("测试通知正文", page);
        Assert.Contains($"/calls/{call}/forms/annex4-table.docx", page);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/calls/feed.atom\"", page);

        var itemPage = await anonymous.GetStringAsync($"/calls/{call}/items/{item}", Ct);
        Assert.Contains($"href=\"/Proposals/Start?item={item}\"", itemPage);
        Assert.Contains("揭榜申报", itemPage);

        var docx = await anonymous.GetAsync($"/calls/{call}/forms/annex4-table.docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync(Ct))[..2]));

        var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/public/calls/{call}", Ct)).RootElement;
        Assert.Equal("公开测试申报", json.GetProperty("call").GetProperty("title").GetString());
        Assert.Equal([item], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var itemJson = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/public/calls/{call}/items/{item}", Ct)).RootElement;
        Assert.Equal("CityOpenCompetitionSubsidy", itemJson.GetProperty("channel").GetString());
        Assert.Contains(JsonDocument.Parse(await anonymous.GetStringAsync("/api/public/calls", Ct)).RootElement.EnumerateArray(),
            c => c.GetProperty("id").GetInt32() == call);
        _ = draft;
    }

    [Fact]
    public async Task Anonymous_GuessingIdsOfDraftsAndUnpublishedCalls_GetsNotFoundEverywhere()
    {
        var unpublished = await TestGuidelines.CallAsync(host.App, title: "未发榜的申报");
        var published = await TestGuidelines.CallAsync(host.App, title: "已发榜的申报");
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var hidden = await TestGuidelines.ItemAsync(host.App, unpublished, demand, "未发榜申报中的项", publish: false);
        var shown = await TestGuidelines.ItemAsync(host.App, published, demand, "已发布的项", publish: true);
        var draft = await TestGuidelines.ItemAsync(host.App, published, demand, "已发榜申报中的草稿", publish: false);
        var anonymous = host.App.NewClient();

        string[] urls =
        [
            $"/calls/{unpublished}", $"/calls/{unpublished}/items/{hidden}", $"/api/public/calls/{unpublished}",
            $"/api/public/calls/{unpublished}/items/{hidden}", $"/calls/{unpublished}/forms/annex4-table.docx",
            $"/calls/{published}/items/{draft}", $"/api/public/calls/{published}/items/{draft}",
            $"/calls/{unpublished}/items/{shown}", $"/api/public/calls/{unpublished}/items/{shown}", // an item under another call's id
            $"/calls/{published}/forms/annex2.docx", $"/calls/999999", $"/api/public/calls/999999",
        ];
        foreach (var url in urls)
            Assert.True((await anonymous.GetAsync(url, Ct)).StatusCode == HttpStatusCode.NotFound, url);
        // The demand round and the preset central guidance call (never published) are not calls anyone may read.
        var list = await anonymous.GetStringAsync("/api/public/calls", Ct);
        Assert.DoesNotContain("未发榜的申报", list);
        Assert.DoesNotContain("中央引导", list);
        var feed = await anonymous.GetStringAsync("/calls/feed.atom", Ct);
        Assert.DoesNotContain("未发榜", feed);
        Assert.DoesNotContain("草稿", feed);
        // Staff's own API is not the public one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/guidelines/items/{draft}", Ct)).StatusCode);
        Assert.Contains("/Account/Login", (await anonymous.GetAsync("/Guidelines", Ct)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AfterTheCallCloses_ItsPublishedItemsStayReadable_AndTakingUpIsClosed()
    {
        var call = await TestGuidelines.CallAsync(host.App, opensIn: TimeSpan.FromDays(-20), closesIn: TimeSpan.FromHours(-1), title: "已截止的申报");
        var item = await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "截止后仍可读的项", true);
        var anonymous = host.App.NewClient();
        var page = await anonymous.GetStringAsync($"/calls/{call}", Ct);
        Assert.Contains("申报已截止", page);
        var itemPage = await anonymous.GetStringAsync($"/calls/{call}/items/{item}", Ct);
        Assert.Contains("截止后仍可读的项", itemPage);
        Assert.Contains("本榜单项已不接受申报", itemPage);
        var list = await anonymous.GetStringAsync("/calls", Ct);
        Assert.Contains("已截止的申报", list);
    }

    [Fact]
    public async Task HomePage_LinksToPublishedCalls_AndShowsTheNoticeEssentialsAndFeed()
    {
        var call = await TestGuidelines.CallAsync(host.App, title: "首页可见的申报");
        await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "首页项", true);
        var home = await host.App.NewClient().GetStringAsync("/", Ct);
        Assert.Contains($"href=\"/calls/{call}\"", home);
        Assert.Contains("立项程序", home);
        Assert.Contains("省级中央引导资金项目", home);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/calls/feed.atom\"", home);
    }
}
