using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Lists;

/// <summary>The units and accounts lists page, sort and filter in the database with their state in the URL; the approval page shows its facts.</summary>
[Trait("Category", "Database")]
public sealed partial class StaffListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid code from its first 16 characters: the organisation code's check digit, then the code's check character.</summary>
    static string Code(string first16)
    {
        var first17 = first16 + Uscc.OrganisationCodeCheckDigit(first16.AsSpan(8, 8));
        return first17 + Uscc.CheckCharacter(first17);
    }

    async Task UnitsAsync(string prefix, int count, UnitStatus status = UnitStatus.Pending)
    {
        await using var db = host.App.CreateDbContext();
        var start = host.App.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
            db.Units.Add(new Unit
            {
                Name = $"{prefix}{i:D2}", Uscc = $"{prefix.GetHashCode() & 0xFFFFFF:D8}{i:D10}", Type = UnitType.Enterprise, RegionCode = "331181",
                Status = status, ContactName = "联系人", CreatedAt = start.AddMinutes(i),
            });
        await db.SaveChangesAsync(Ct);
    }

    static string Decoded(string html) => WebUtility.HtmlDecode(html);

    static IEnumerable<string> Hrefs(string html) => HrefPattern().Matches(html).Select(m => m.Groups["href"].Value);

    [Fact]
    public async Task Units_SecondPage_HoldsTheNextUnitsWithTheFiltersAndSortKept()
    {
        await UnitsAsync("分页单位", 53);
        var staff = await host.App.SignedInAsync("staff");

        var first = Decoded(await staff.GetStringAsync("/Units?status=Pending&text=分页单位&sort=name", Ct));
        Assert.Contains("分页单位49", first);
        Assert.DoesNotContain("分页单位50", first);
        Assert.Contains("第1页，共2页，53条", first);
        var next = Hrefs(first).First(h => h.Contains("page=2"));
        Assert.Contains("status=Pending", next);
        Assert.Contains("text=" + Uri.EscapeDataString("分页单位"), next);
        Assert.Contains("sort=name", next);

        var second = Decoded(await staff.GetStringAsync(next, Ct));
        Assert.Contains("分页单位50", second);
        Assert.Contains("分页单位52", second);
        Assert.DoesNotContain("分页单位49", second);
    }

    [Fact]
    public async Task Units_SortedByRegistrationDescending_ListsTheLatestFirst()
    {
        await UnitsAsync("排序单位", 3, UnitStatus.Approved);
        var staff = await host.App.SignedInAsync("staff");

        var page = Decoded(await staff.GetStringAsync("/Units?text=排序单位&sort=-registered", Ct));

        Assert.True(page.IndexOf("排序单位02", StringComparison.Ordinal) < page.IndexOf("排序单位01", StringComparison.Ordinal));
        Assert.True(page.IndexOf("排序单位01", StringComparison.Ordinal) < page.IndexOf("排序单位00", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"descending\"", page);
        var ascending = Decoded(await staff.GetStringAsync("/Units?text=排序单位&sort=registered", Ct));
        Assert.True(ascending.IndexOf("排序单位00", StringComparison.Ordinal) < ascending.IndexOf("排序单位02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnitDetails_PendingRegistration_ShowsWhatStaffJudgeBy()
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", new
        {
            name = "审核事实测试有限公司", uscc = Code("91110108MA01QW3E"), type = "Enterprise", regionCode = "331181", contactName = "张三",
            contactPhone = "13905781111", contactEmail = "a@example.cn", userName = "facts-first-account", password = "register-2024-pw",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var staff = await host.App.SignedInAsync("staff");

        var page = Decoded(await staff.GetStringAsync($"/Units/Details/{id}", Ct));

        Assert.Contains(Domain.Rounds.ChinaTime.Format(host.App.Clock.GetUtcNow()), Section(page, "registered-at"));
        Assert.Contains("facts-first-account", Section(page, "unit-accounts"));
        Assert.Contains("通过（GB 32100-2015 校验码正确）", Section(page, "uscc-check"));
        Assert.Contains("登记管理机关不在浙江省", Section(page, "uscc-remark"));
    }

    [Fact]
    public async Task UnitDetails_CodeFailingItsCheck_SaysSoAndTheApplicantSeesNoAccountList()
    {
        var uscc = Code("91331181MA2BQQ1D");
        var wrong = uscc[..^1] + (uscc[^1] == '0' ? '1' : '0');
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", new
        {
            name = "校验不符测试有限公司", uscc = wrong, type = "Enterprise", regionCode = "331181", contactName = "李四",
            contactPhone = "13905782222", contactEmail = "b@example.cn", userName = "facts-unusual-code", password = "register-2024-pw",
            confirmUnusualCode = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var staff = await host.App.SignedInAsync("staff");
        Assert.Contains("校验码不符，需人工核验", Section(Decoded(await staff.GetStringAsync($"/Units/Details/{id}", Ct)), "uscc-check"));

        var applicant = await host.App.SignedInAsync("applicant-a");
        var own = Decoded(await applicant.GetStringAsync($"/Units/Details/{host.Personas.UnitA}", Ct));
        Assert.Contains("registered-at", own);
        Assert.DoesNotContain("unit-accounts", own);
    }

    [Fact]
    public async Task Accounts_SecondPage_HoldsTheNextAccountsWithTheFilterKept()
    {
        await using (var db = host.App.CreateDbContext())
        {
            for (var i = 0; i < 51; i++)
                db.Users.Add(new JiebangUser
                {
                    UserName = $"pagedacct{i:D2}", NormalizedUserName = $"PAGEDACCT{i:D2}", UnitId = host.Personas.UnitB, FullName = $"分页账号{i:D2}",
                    CreatedAt = host.App.Clock.GetUtcNow(),
                });
            await db.SaveChangesAsync(Ct);
        }
        var admin = await host.App.SignedInAsync("admin");

        var first = Decoded(await admin.GetStringAsync("/Accounts?text=pagedacct&sort=-username", Ct));
        Assert.Contains("pagedacct50", first);
        Assert.DoesNotContain("pagedacct00", first);
        Assert.Contains("第1页，共2页，51条", first);
        var next = Hrefs(first).First(h => h.Contains("page=2"));
        Assert.Contains("text=pagedacct", next);
        Assert.Contains("sort=-username", next);
        var second = Decoded(await admin.GetStringAsync(next, Ct));
        Assert.Contains("pagedacct00", second);
        Assert.DoesNotContain("pagedacct01", second);
    }

    /// <summary>The element with the test id and what it holds, up to the next element with one.</summary>
    static string Section(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{testId} is not on the page");
        var end = html.IndexOf("data-testid=", at + testId.Length + 14, StringComparison.Ordinal);
        return html[at..(end < 0 ? html.Length : end)];
    }

    [GeneratedRegex("href=\"(?<href>[^\"]+)\"")]
    private static partial Regex HrefPattern();
}
