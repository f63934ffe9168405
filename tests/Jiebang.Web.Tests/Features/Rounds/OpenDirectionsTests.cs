using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Rounds;

/// <summary>
/// Annex 2 asks only for the area, and the notice lists directions with 等 (notice §1): a demand
/// outside the listed directions is filed, not refused.
/// </summary>
[Trait("Category", "Database")]
public sealed class OpenDirectionsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Theory]
    [InlineData("先进半导体材料")]
    [InlineData(null)]
    public async Task Submit_Annex2WithItsOwnDirectionOrNone_IsAccepted(string? ownDirection)
    {
        var ct = TestContext.Current.CancellationToken;
        int round;
        await using (var db = host.App.CreateDbContext())
            round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(ct);
        var client = await host.App.SignedInAsync("applicant-a");
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();
        var values = Annex2Values.Valid();
        values["area"] = new JsonObject
        {
            ["area"] = "新材料",
            ["directions"] = ownDirection is null ? new JsonArray() : new JsonArray(ownDirection),
        };
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, ct);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Edit/{id}", ct));
        Assert.Matches("_own\" name=\"f\\.area\\.directions\"\\s+value=\"" + System.Text.RegularExpressions.Regex.Escape(ownDirection ?? "") + "\"", page);

        var submit = await client.PostAsync($"/api/demands/{id}/submit", null, ct);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task EditPage_Annex2_OffersADirectionOfOnesOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        int round;
        await using (var db = host.App.CreateDbContext())
            round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(ct);
        var client = await host.App.SignedInAsync("applicant-a");
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Edit/{id}", ct));
        Assert.Contains("其他方向（所列以外，可自填）", page);
    }
}
