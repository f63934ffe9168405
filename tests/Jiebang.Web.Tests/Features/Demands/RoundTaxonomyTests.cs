using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A round names its taxonomy and its forms follow it, even a form that pins a list of its own.</summary>
[Trait("Category", "Database")]
public sealed class RoundTaxonomyTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<string> EditPageOfAnnex1InRoundNamingAsync(string taxonomyKey)
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30));
        await using (var db = host.App.CreateDbContext())
            await db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(r => r.SetProperty(x => x.TaxonomyKey, taxonomyKey), Ct);
        var client = await host.App.SignedInAsync("applicant-a");
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        return WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Edit/{id}", Ct));
    }

    [Fact]
    public async Task Annex1_RoundNamesTheCityList_OffersTheCitysAreasNotTheProvinces()
    {
        var page = await EditPageOfAnnex1InRoundNamingAsync("longquan-2024");
        Assert.Contains("热管理", page);
        Assert.DoesNotContain("海洋科技", page);
    }

    [Fact]
    public async Task Annex1_RoundNamesTheProvincialList_OffersTheProvincesAreas()
    {
        var page = await EditPageOfAnnex1InRoundNamingAsync("zhejiang-provincial-2024");
        Assert.Contains("海洋科技", page);
        Assert.DoesNotContain("热管理", page);
    }
}
