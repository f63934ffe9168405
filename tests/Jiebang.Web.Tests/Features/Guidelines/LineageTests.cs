using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Guidelines;

/// <summary>An item lists its source demands; a demand shows the items it was taken up into, to staff and to its own unit.</summary>
[Trait("Category", "Database")]
public sealed class LineageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DraftItem_StaffSeeItOnTheDemand_TheOwningUnitDoesNotYet()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var item = await TestGuidelines.ItemAsync(host.App, call, demand, "草稿榜单项甲", publish: false);

        var staffPage = await (await host.App.SignedInAsync("staff")).GetStringAsync($"/Demands/Details/{demand}", Ct);
        Assert.Contains("已纳入榜单：", staffPage);
        Assert.Contains($"href=\"/Guidelines/Edit/{item}\"", staffPage);

        var ownerPage = await (await host.App.SignedInAsync("applicant-a")).GetStringAsync($"/Demands/Details/{demand}", Ct);
        Assert.DoesNotContain("草稿榜单项甲", ownerPage);
        Assert.DoesNotContain("已纳入榜单", ownerPage);
    }

    [Fact]
    public async Task PublishedItem_TheOwningUnitSeesItWithALinkToThePublicPage_StaffSeeTheSourcesOnTheItem()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var other = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitB);
        var item = await TestGuidelines.ItemAsync(host.App, call, demand, "已发布榜单项乙", publish: true);

        var ownerPage = await (await host.App.SignedInAsync("applicant-a")).GetStringAsync($"/Demands/Details/{demand}", Ct);
        Assert.Contains("已纳入榜单：", ownerPage);
        Assert.Contains($"href=\"/calls/{call}/items/{item}\"", ownerPage);
        // Another unit's demand stays out of reach, lineage or not.
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.App.SignedInAsync("applicant-a")).GetAsync($"/Demands/Details/{other}", Ct)).StatusCode);

        var staffItem = await (await host.App.SignedInAsync("staff")).GetStringAsync($"/Guidelines/Edit/{item}", Ct);
        Assert.Contains($"href=\"/Demands/Details/{demand}\"", staffItem);
        var publicItem = await host.App.NewClient().GetStringAsync($"/calls/{call}/items/{item}", Ct);
        Assert.Contains("由1项技术需求凝练形成", publicItem);
        Assert.DoesNotContain("/Demands/Details/", publicItem);
        Assert.DoesNotContain("测试企业甲", publicItem);
    }
}
