using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Security;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>
/// The screening list and its decision as an attacker meets them: URL keys out of range get a bounded answer in our words,
/// a decision without its antiforgery token (from another site or not) changes nothing, and another recommending unit that
/// guesses a demand's id through the list's links gets what a demand that does not exist gets.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class ScreeningListAttackTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> RoundAsync() => await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));

    /// <summary>A demand of unit A submitted through the association in the test's own round.</summary>
    Task<int> DemandAsync(int round, string title) =>
        TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round, title);

    /// <summary>Text of ASP.NET Core's own that must never reach a person: its English messages and error pages.</summary>
    static void AssertOurWordsOnly(string page)
    {
        foreach (var english in new[] { "is not valid", "is invalid", "The value", "must be", "field is required", "Bad Request", "An error occurred", "Exception" })
            Assert.DoesNotContain(english, page, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Both lists share the text search and its bound: the screening list, and the bureau's inbox it was taken from.</summary>
    [Theory]
    [InlineData("/Recommend", "Queue", "recommender", true)]
    [InlineData("/Inbox", "Filter", "staff", false)]
    public async Task List_OverLongText_IsSearchedByItsFirstCharactersAndSaysSo(string list, string key, string persona, bool throughAssociation)
    {
        var round = await RoundAsync();
        var bounded = "超长搜索" + Guid.NewGuid().ToString("N")[..8] + new string('长', DemandTextSearch.MaxText - 12);
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, throughAssociation ? host.Personas.Association : null, round, bounded);
        var client = await host.App.SignedInAsync(persona);
        var text = bounded + new string('尾', 3000);

        var response = await client.GetAsync($"{list}?{key}.RoundId={round}&{key}.Text={Uri.EscapeDataString(text)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        AssertOurWordsOnly(page);
        Assert.Contains($"搜索内容超过{DemandTextSearch.MaxText}个字，只按前{DemandTextSearch.MaxText}个字查找。", page);
        // Found by its first characters (the whole text is in no demand); the search box and the list's links carry those only.
        Assert.Contains("共1项需求。", page);
        Assert.Contains($"value=\"{bounded}\"", page);
        var link = ListWalk.Hrefs(page).Single(h => h.StartsWith($"/Demands/Details/{id}?", StringComparison.Ordinal));
        Assert.Contains($"{key}.Text={Uri.EscapeDataString(bounded)}&", link);
        Assert.DoesNotContain("尾", page);
    }

    [Theory]
    [InlineData("Queue.Page=-5")]
    [InlineData("Queue.Page=0")]
    [InlineData("Queue.Page=2147483647")]
    [InlineData("Queue.Page=99999999999999999999")]
    [InlineData("Queue.Page=abc")]
    [InlineData("Queue.Sort=nonsense")]
    [InlineData("Queue.Sort=-")]
    [InlineData("Queue.Sort=title;DROP TABLE Demands")]
    [InlineData("Queue.RoundId=abc")]
    [InlineData("Queue.RoundId=-1")]
    [InlineData("Queue.RoundId=99999999999999")]
    [InlineData("Queue.Status=Spaceship")]
    [InlineData("Queue.Status=999")]
    public async Task ScreeningList_UrlKeyOutOfRange_AnswersTheListInOurWords(string key)
    {
        var round = await RoundAsync();
        await DemandAsync(round, "越界参数需求");
        var recommender = await host.App.SignedInAsync("recommender");

        var response = await recommender.GetAsync($"/Recommend?{key}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        AssertOurWordsOnly(page);
        Assert.Contains("data-testid=\"queue-filter\"", page);
    }

    /// <summary>The demand's status and how many audit entries name it.</summary>
    async Task<(DemandStatus Status, int Audited)> StateOfAsync(int id)
    {
        await using var db = host.App.CreateDbContext();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return (await db.Demands.Where(d => d.Id == id).Select(d => d.Status).SingleAsync(Ct),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Demand) && a.EntityId == key, Ct));
    }

    /// <summary>The screening list's link to a demand, and the recommender's client that opened it.</summary>
    async Task<(HttpClient Recommender, string Link)> OpenedFromTheListAsync(int round, int id)
    {
        var recommender = await host.App.SignedInAsync("recommender");
        var link = await new ListWalk(recommender, "/Recommend", "Queue").LinkAsync(id, round);
        return (recommender, link);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost")]
    [InlineData("https://attacker.example")]
    public async Task ScreeningDecision_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing(string? origin)
    {
        var round = await RoundAsync();
        var id = await DemandAsync(round, "无令牌遴选需求");
        var (recommender, link) = await OpenedFromTheListAsync(round, id);
        var before = await StateOfAsync(id);
        using var post = new HttpRequestMessage(HttpMethod.Post, link.Replace("?", "?handler=Decide&"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Decision.Decision"] = "Accept" }),
        };
        if (origin is not null) post.Headers.Add("Origin", origin);
        else recommender.DefaultRequestHeaders.Remove("Origin");

        var response = await recommender.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        AssertOurWordsOnly(page);
        Assert.Contains(RequestErrors.Invalid.At("").Message(CultureInfo.GetCultureInfo("zh-CN")), page);
        Assert.Equal((DemandStatus.Submitted, before.Audited), await StateOfAsync(id));
    }

    /// <summary>A cross-site form carries the attacker's own token (one a page gave the attacker's session), never the victim's.</summary>
    [Fact]
    public async Task ScreeningDecision_FromAnotherSiteWithTheAttackersOwnToken_IsRefusedAndChangesNothing()
    {
        var round = await RoundAsync();
        var id = await DemandAsync(round, "跨站遴选需求");
        var (recommender, link) = await OpenedFromTheListAsync(round, id);
        var attacker = await host.App.SignedInAsync("applicant-b");
        var token = await attacker.AntiforgeryTokenAsync("/Demands");
        Assert.NotEmpty(token);
        var before = await StateOfAsync(id);
        using var post = new HttpRequestMessage(HttpMethod.Post, link.Replace("?", "?handler=Decide&"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Decision.Decision"] = "Accept", ["__RequestVerificationToken"] = token,
            }),
        };
        recommender.DefaultRequestHeaders.Remove("Origin");
        post.Headers.Add("Origin", "https://attacker.example");

        var response = await recommender.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((DemandStatus.Submitted, before.Audited), await StateOfAsync(id));
    }

    /// <summary>A recommending unit of its own (another association) with a recommender, through which nothing was sent.</summary>
    async Task<HttpClient> OtherRecommenderAsync()
    {
        var userName = $"recommender-{Guid.NewGuid():N}"[..24];
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var unit = new Unit
            {
                Name = $"另一行业协会{userName[^6..]}", Uscc = OtherUscc(), Type = UnitType.Association, RegionCode = "331181",
                Status = UnitStatus.Approved, ContactName = "联系人",
                ContactPhoneProtected = scope.ServiceProvider.GetRequiredService<Jiebang.Web.Features.PersonalData.PersonalDataProtector>().Protect("13905781234"),
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
            var user = new JiebangUser { UserName = userName, UnitId = unit.Id, FullName = userName };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Recommender);
        }
        return await host.App.SignedInAsync(userName);
    }

    static string OtherUscc()
    {
        var organisation = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var first17 = $"51331181{organisation}{Domain.Identifiers.Uscc.OrganisationCodeCheckDigit(organisation)}";
        return first17 + Domain.Identifiers.Uscc.CheckCharacter(first17);
    }

    /// <summary>
    /// The page with what differs from one answer to the next (tokens, nonces, ids in the query) left out; the id only as
    /// a whole number, so that an id of 3 does not turn the page's "&amp;#183;" into "&amp;#18ID;".
    /// </summary>
    static string Comparable(string page, int id) =>
        Regex.Replace(Volatile().Replace(page, ""), $@"(?<![#\d]){id.ToString(CultureInfo.InvariantCulture)}(?!\d)", "ID");

    [Fact]
    public async Task DemandOfAnotherRecommender_GuessedThroughTheListsLinks_AnswersAsADemandThatDoesNotExist()
    {
        var round = await RoundAsync();
        var id = await DemandAsync(round, "他会遴选需求");
        var (_, link) = await OpenedFromTheListAsync(round, id);
        var missing = int.MaxValue - Random.Shared.Next(1000);
        var other = await OtherRecommenderAsync();
        var before = await StateOfAsync(id);

        // Its own list holds none of them, whichever round it names.
        var list = WebUtility.HtmlDecode(await other.GetStringAsync($"/Recommend?Queue.RoundId={round}&Queue.Sort=title", Ct));
        Assert.DoesNotContain("他会遴选需求", list);
        Assert.DoesNotContain($"/Demands/Details/{id}", list);

        // The link of the first association's list, opened by the other: as for an id that names nothing.
        var guessed = await other.GetAsync(link, Ct);
        var nothing = await other.GetAsync(link.Replace($"/Details/{id}?", $"/Details/{missing}?"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(nothing.StatusCode, guessed.StatusCode);
        var guessedPage = await guessed.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("他会遴选需求", WebUtility.HtmlDecode(guessedPage));
        Assert.Equal(Comparable(await nothing.Content.ReadAsStringAsync(Ct), missing), Comparable(guessedPage, id));

        // Its decision on it, with a token of its own: as for an id that names nothing, and nothing changes.
        var token = await other.AntiforgeryTokenAsync("/Recommend");
        async Task<HttpResponseMessage> DecideAsync(int on) => await other.PostAsync(
            link.Replace($"/Details/{id}?", $"/Details/{on}?handler=Decide&"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Decision.Decision"] = "Accept", ["__RequestVerificationToken"] = token,
            }), Ct);
        var decided = await DecideAsync(id);
        var decidedNothing = await DecideAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, decided.StatusCode);
        Assert.Equal(decidedNothing.StatusCode, decided.StatusCode);
        Assert.Equal(before, await StateOfAsync(id));
    }

    [GeneratedRegex("(value|nonce|content)=\"[^\"]*\"")]
    private static partial Regex Volatile();
}
