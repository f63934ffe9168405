using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Lists;

/// <summary>
/// The inbox's sorts by a unit's column (joined to the units, so that an index serves them) and its text search (a LIKE the
/// trigram indexes serve on PostgreSQL) give what the plain queries gave: the same order, and exactly the demands holding the text.
/// </summary>
[Trait("Category", "Database")]
public sealed class InboxOrderAndSearchTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    async Task<int> UnitAsync(string name, string regionCode)
    {
        await using var db = host.App.CreateDbContext();
        var unit = new Unit
        {
            Name = name, Uscc = "T" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant(), Type = UnitType.Enterprise,
            RegionCode = regionCode, Status = UnitStatus.Approved, ContactName = "联系人", ContactPhoneProtected = "",
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(Ct);
        return unit.Id;
    }

    /// <summary>A demand submitted straight to the bureau by the unit, its search text the title and <paramref name="text"/>.</summary>
    async Task<int> DemandAsync(int round, int unit, string title, string text = "")
    {
        await using var db = host.App.CreateDbContext();
        var at = host.App.Clock.GetUtcNow();
        var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
        var demand = Demand.Start(round, unit, "annex2", 1, DemandKind.EnterpriseOwn, null, at);
        demand.SaveDraft("{}", new DemandSummary(title, "新材料", "高分子材料", title + text), DemandKind.EnterpriseOwn, null, at);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        Assert.Null(demand.Submit(new FilingWindow(r.OpensAt, r.ClosesAt), [], new FilingActor("test", unit), at));
        await db.SaveChangesAsync(Ct);
        return demand.Id;
    }

    async Task<List<int>> IdsAsync(string query)
    {
        var staff = await host.App.SignedInAsync("staff");
        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/demands/inbox?" + query, Ct);
        return [.. inbox.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];
    }

    [Fact]
    public async Task Inbox_SortedByUnitOrCounty_OrdersByThatColumnThenByDemandEitherWay()
    {
        var round = await RoundAsync();
        string[] regions;
        await using (var db = host.App.CreateDbContext())
            regions = [.. (await db.Regions.Select(r => r.Code).ToListAsync(Ct)).Order(StringComparer.Ordinal).Take(2)];
        // Names out of their regions' order, two units in one region, demands made in turn so that their ids interleave.
        (string Name, string Region)[] units = [("排序单位丙", regions[1]), ("排序单位甲", regions[0]), ("排序单位乙", regions[1])];
        var unitIds = new List<int>();
        foreach (var (name, region) in units) unitIds.Add(await UnitAsync(name, region));
        var made = new List<(int Id, string Name, string Region)>();
        for (var i = 0; i < 3; i++)
            foreach (var (unit, (name, region)) in unitIds.Zip(units))
                made.Add((await DemandAsync(round, unit, $"{name}的需求{i}"), name, region));

        var byUnit = made.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m => m.Id).ToList();
        var byCounty = made.OrderBy(m => m.Region, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m => m.Id).ToList();
        Assert.Equal(byUnit, await IdsAsync($"roundId={round}&sort=unit"));
        Assert.Equal(Enumerable.Reverse(byUnit), await IdsAsync($"roundId={round}&sort=-unit"));
        Assert.Equal(byCounty, await IdsAsync($"roundId={round}&sort=county"));
        Assert.Equal(Enumerable.Reverse(byCounty), await IdsAsync($"roundId={round}&sort=-county"));
        // The ties are real: a region holds two units, whose demands go by their own id across both.
        Assert.NotEqual(byUnit, byCounty);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("%")]
    [InlineData("a_b")]
    [InlineData("_")]
    [InlineData(@"\")]
    [InlineData(@"C:\材")]
    [InlineData("abc")]
    [InlineData("ABC")]
    [InlineData("氮化铝")]
    [InlineData("氮化")]
    [InlineData("\"X1\"")]
    public async Task Inbox_TextWithWildcardsBackslashOrCase_FindsExactlyTheDemandsHoldingIt(string text)
    {
        var round = await RoundAsync();
        (string Title, string Text)[] demands =
        [
            ("纯度100%的粉体", ""), ("纯度1000的粉体", ""), ("a_b型号", ""), ("axb型号", ""), (@"路径C:\材料", ""), ("路径C:材料", ""),
            ("ABC材料", ""), ("abc材料", ""), ("无关标题", "正文含氮化铝陶瓷"), ("氮化镓器件", ""), ("型号\"X1\"材料", ""), ("型号X1材料", ""),
        ];
        var ids = new Dictionary<int, (string Title, string Text)>();
        foreach (var d in demands) ids[await DemandAsync(round, host.Personas.UnitA, d.Title, d.Text)] = d;

        var expected = ids.Where(x => (x.Value.Title + x.Value.Text).Contains(text, StringComparison.Ordinal)).Select(x => x.Key).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < demands.Length, $"{text} is in every demand, so the test shows nothing");
        Assert.Equal(expected, (await IdsAsync($"roundId={round}&text={Uri.EscapeDataString(text)}")).Order());
    }

    [Fact]
    public async Task Inbox_TitleChangedAfterItWasFiled_IsFoundByTheNewWordsOnly()
    {
        var round = await RoundAsync();
        var id = await DemandAsync(round, host.Personas.UnitA, "旧名称碳纤维");
        await using (var db = host.App.CreateDbContext())
        {
            var demand = await db.Demands.Include(d => d.Versions).Include(d => d.Events).SingleAsync(d => d.Id == id, Ct);
            Assert.Null(demand.Accept(ScreeningDecision.Return, "请改名", new FilingActor("test", host.Personas.Bureau), host.App.Clock.GetUtcNow()));
            Assert.Null(demand.SaveDraft("{}", new DemandSummary("新名称石墨烯", "新材料", "高分子材料", "新名称石墨烯"), DemandKind.EnterpriseOwn, null,
                host.App.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await IdsAsync($"roundId={round}&text={Uri.EscapeDataString("碳纤维")}"));
        Assert.Equal([id], await IdsAsync($"roundId={round}&text={Uri.EscapeDataString("石墨烯")}"));
    }
}
