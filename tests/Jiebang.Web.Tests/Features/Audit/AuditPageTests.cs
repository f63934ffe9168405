using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Audit;

/// <summary>The audit page reads as sentences with names, filters by who, what, when and record, and pages on the server.</summary>
[Trait("Category", "Database")]
public sealed partial class AuditPageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly ResourceManager Shared = new("Jiebang.Web.Resources.SharedResource", typeof(Program).Assembly);
    static readonly CultureInfo Chinese = new("zh-CN"), English = new("en-US");

    [GeneratedRegex("<details.*?</details>|<select.*?</select>", RegexOptions.Singleline)]
    private static partial Regex CodesAndChoices();

    [GeneratedRegex("<li class=\"border-bottom py-2\" data-testid=\"audit-entry\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex EntryItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The entries the page lists, each as the text a reader sees (tags and the codes' details removed).</summary>
    static List<string> Sentences(string html) =>
        EntryItem().Matches(html).Select(m => Spaces(WebUtility.HtmlDecode(Tag().Replace(CodesAndChoices().Replace(m.Value, ""), "")))).ToList();

    static string Spaces(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    async Task<Unit> UnitAsync(string name)
    {
        await using var db = host.App.CreateDbContext();
        var unit = new Unit { Name = name, Uscc = Unique("T"), Type = UnitType.Enterprise, RegionCode = "331181", Status = UnitStatus.Approved };
        db.Units.Add(unit);
        await db.SaveChangesAsync(Ct);
        return unit;
    }

    async Task<JiebangUser> PersonAsync(string fullName, int unitId)
    {
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var user = new JiebangUser { UserName = Unique("audit-"), FullName = fullName, UnitId = unitId };
        Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
        return user;
    }

    async Task AddAsync(params AuditEntry[] entries)
    {
        await using var db = host.App.CreateDbContext();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(Ct);
    }

    static AuditEntry Entry(JiebangUser by, string action, string type, string id, DateTimeOffset at, string? reason = null) => new()
    {
        At = at, ActorUserId = by.Id, ActorName = by.UserName!, ActorUnitId = by.UnitId, Action = action, EntityType = type, EntityId = id,
        Reason = reason,
    };

    [Fact]
    public async Task Page_EveryAction_ReadsAsASentenceNamingThePersonUnitAndRecord_WithTheCodeOnlyInTheDetails()
    {
        var unit = await UnitAsync(Unique("句子测试单位"));
        var person = await PersonAsync("张三", unit.Id);
        var at = new DateTimeOffset(2026, 11, 30, 3, 15, 0, TimeSpan.Zero);
        await AddAsync(AuditActions.All.Select(a => Entry(person, a.Code, nameof(Unit), unit.Id.ToString(), at)).ToArray());
        var staff = await host.App.SignedInAsync("staff");
        foreach (var action in AuditActions.All)
        {
            var html = await staff.GetStringAsync($"/Audit?what={action.Code}&record={Uri.EscapeDataString(unit.Name)}", Ct);
            var sentence = Assert.Single(Sentences(html));
            var verb = Shared.GetString(action.ResourceKey, Chinese)!.Replace("{0}", $"单位 {unit.Name}");
            Assert.Equal($"2026-11-30 11:15 张三（{unit.Name}）{verb}", sentence);
            Assert.DoesNotContain(action.Code, Tag().Replace(CodesAndChoices().Replace(html, ""), "")); // no code in the text read
            Assert.Contains($"<dd class=\"col-sm-10 font-monospace\">{action.Code}</dd>", html); // the raw code, in the details
        }
    }

    [Fact]
    public async Task Page_InEnglish_ReadsTheSameEntryInEnglish()
    {
        var unit = await UnitAsync(Unique("English sentence unit "));
        var person = await PersonAsync("Zhang San", unit.Id);
        await AddAsync(Entry(person, "unit.approved", nameof(Unit), unit.Id.ToString(), new DateTimeOffset(2026, 11, 30, 16, 5, 0, TimeSpan.Zero)));
        var staff = await host.App.SignedInAsync("staff");
        await staff.GetAsync("/culture?c=en-US&returnUrl=/Audit", Ct);
        var html = await staff.GetStringAsync($"/Audit?record={Uri.EscapeDataString(unit.Name)}", Ct);
        var verb = Shared.GetString("AuditDid_unit.approved", English)!.Replace("{0}", $"unit {unit.Name}");
        Assert.Equal($"2026-12-01 00:05 Zhang San ({unit.Name}) {verb}", Assert.Single(Sentences(html)));
    }

    [Fact]
    public async Task Page_SubmittedDemand_NamesTheReceiptAndLinksTheRecordTheStaffMayOpen()
    {
        await using var db = host.App.CreateDbContext();
        var client = await host.App.SignedInAsync("applicant-a");
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var title = Unique("审计链接需求");
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid(title) }, Ct);
        var receipt = (await (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("receiptNumber").GetString()!;

        var staff = await host.App.SignedInAsync("staff");
        var html = await staff.GetStringAsync($"/Audit?record={receipt}&what=demand.submitted", Ct);
        var sentence = Assert.Single(Sentences(html));
        Assert.EndsWith($"applicant-a（测试企业甲）提交了需求 {receipt} “{title}”", sentence);
        Assert.Contains($"<a href=\"/Demands/Details/{id}\" data-testid=\"audit-record\">", html);
        Assert.Single(Sentences(await staff.GetStringAsync($"/Audit?record={Uri.EscapeDataString(title)}&what=demand.submitted", Ct)));
    }

    [Fact]
    public async Task Page_DemandStillWithTheAssociation_IsNamedButNotLinkedForStaff()
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitA, host.Personas.Association);
        var person = await PersonAsync("李四", host.Personas.UnitA);
        var marker = new DateTimeOffset(2027, 2, 3, 4, 0, 0, TimeSpan.Zero);
        await AddAsync(Entry(person, "demand.started", "Demand", id.ToString(), marker));
        var staff = await host.App.SignedInAsync("staff");
        var html = await staff.GetStringAsync($"/Audit?who=李四&from=2027-02-03&to=2027-02-03", Ct);
        Assert.Contains("开始填写需求 “测试需求”", Assert.Single(Sentences(html)));
        Assert.DoesNotContain($"/Demands/Details/{id}", html);
    }

    [Fact]
    public async Task Filters_WhoWhatWhenAndRecord_EachNarrowTheList_AndTheLinksKeepThem()
    {
        var unit = await UnitAsync(Unique("筛选测试单位"));
        var other = await UnitAsync(Unique("筛选对照单位"));
        var wang = await PersonAsync(Unique("王五"), unit.Id);
        var zhao = await PersonAsync(Unique("赵六"), other.Id);
        // 2031-05-01 23:30 and 2031-05-02 00:30 China time: two different days there, one day in UTC.
        var lateOnFirst = new DateTimeOffset(2031, 5, 1, 15, 30, 0, TimeSpan.Zero);
        var earlyOnSecond = new DateTimeOffset(2031, 5, 1, 16, 30, 0, TimeSpan.Zero);
        await AddAsync(
            Entry(wang, "unit.edited", nameof(Unit), unit.Id.ToString(), lateOnFirst, "改名"),
            Entry(wang, "unit.contact_updated", nameof(Unit), unit.Id.ToString(), earlyOnSecond),
            Entry(zhao, "unit.edited", nameof(Unit), other.Id.ToString(), earlyOnSecond, "更正地址"));
        var staff = await host.App.SignedInAsync("staff");
        async Task<List<string>> ListAsync(string query) => Sentences(await staff.GetStringAsync("/Audit?" + query, Ct));
        var window = "from=2031-05-01&to=2031-05-02";

        Assert.Equal(3, (await ListAsync(window)).Count);
        Assert.All(await ListAsync($"{window}&who={Uri.EscapeDataString(wang.FullName)}"), s => Assert.Contains(wang.FullName, s));
        Assert.Equal(2, (await ListAsync($"{window}&who={Uri.EscapeDataString(wang.FullName)}")).Count);
        Assert.Single(await ListAsync($"{window}&who={Uri.EscapeDataString(other.Name)}")); // by the unit's name
        Assert.Equal(2, (await ListAsync($"{window}&what=unit.edited")).Count);
        Assert.Contains("理由：改名", Assert.Single(await ListAsync("from=2031-05-01&to=2031-05-01")));
        Assert.Equal(2, (await ListAsync("from=2031-05-02&to=2031-05-02")).Count);
        Assert.Equal(2, (await ListAsync($"{window}&record={Uri.EscapeDataString(unit.Name)}")).Count);
        Assert.Empty(await ListAsync($"{window}&what=demand.submitted"));

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Audit?{window}&what=unit.edited", Ct));
        Assert.Contains("value=\"2031-05-01\"", html);
        Assert.Contains("<option value=\"unit.edited\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task Paging_MoreEntriesThanAPage_PagesOnTheServerKeepingTheFilters()
    {
        var unit = await UnitAsync(Unique("分页测试单位"));
        var person = await PersonAsync("分页员", unit.Id);
        var start = new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await AddAsync(Enumerable.Range(0, AuditLog.PageSize + 5)
            .Select(i => Entry(person, "unit.contact_updated", nameof(Unit), unit.Id.ToString(), start.AddMinutes(i))).ToArray());
        var staff = await host.App.SignedInAsync("staff");
        var record = Uri.EscapeDataString(unit.Name);
        var first = await staff.GetStringAsync($"/Audit?record={record}", Ct);
        Assert.Equal(AuditLog.PageSize, Sentences(first).Count);
        Assert.Contains("08:54", Sentences(first)[0]); // newest first: 00:54 UTC is 08:54 China time
        Assert.Contains("rel=\"next\"", first);
        Assert.Contains("p=2", WebUtility.HtmlDecode(Regex.Match(first, "href=\"([^\"]*)\" rel=\"next\"").Groups[1].Value));
        Assert.Contains("record=", Regex.Match(first, "href=\"([^\"]*)\" rel=\"next\"").Groups[1].Value);
        var second = await staff.GetStringAsync($"/Audit?record={record}&p=2", Ct);
        Assert.Equal(5, Sentences(second).Count);
        Assert.Contains("08:00", Sentences(second)[^1]);
    }

    [Theory]
    [InlineData("applicant-a")]
    [InlineData("recommender")]
    public async Task Page_NotStaff_IsRefused(string persona)
    {
        var client = await host.App.SignedInAsync(persona);
        var response = await client.GetAsync("/Audit?who=x", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
