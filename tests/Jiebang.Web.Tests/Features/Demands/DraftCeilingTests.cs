using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A draft keeps whatever was typed, but not past the platform's ceilings (issue 10, finding 1).</summary>
[Trait("Category", "Database")]
public sealed class DraftCeilingTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveDraft_TextPastTheCeiling_IsRefusedNamingTheField_AndTheStoredDraftIsUnchanged()
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");
        var values = Annex2Values.Valid();
        values["description"] = new string('研', 20_001);

        var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        var finding = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings")[0];
        Assert.Equal("description", finding.GetProperty("field").GetString());
        Assert.Contains("20000", finding.GetProperty("message").GetString()!.Replace(",", ""));
        await using var db = host.App.CreateDbContext();
        Assert.DoesNotContain("研研研", (await db.Demands.SingleAsync(d => d.Id == id, Ct)).DraftJson);
    }
}
