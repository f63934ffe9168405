using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A phone typed to look encrypted is kept as typed and never breaks the draft (issue 10, finding 7).</summary>
[Trait("Category", "Database")]
public sealed class PhoneMarkerTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveDraft_PhoneBeginningWithTheEncryptionMarker_IsStoredEncrypted_AndTheDraftStillOpens()
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");
        var values = Annex2Values.Valid();
        values["contactPhone"] = "enc:CfDJ8-not-ours";

        var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using (var db = host.App.CreateDbContext())
            Assert.DoesNotContain("enc:CfDJ8-not-ours", (await db.Demands.SingleAsync(d => d.Id == id, Ct)).DraftJson);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Contains("enc:CfDJ8-not-ours", read.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Demands/Edit/{id}", Ct)).StatusCode);
    }
}
