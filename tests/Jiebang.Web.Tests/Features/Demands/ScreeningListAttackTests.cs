using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
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
}
