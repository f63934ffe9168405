using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>Moves its own app's clock past the 2024 demand round's close, so it has a host of its own.</summary>
[Trait("Category", "Database")]
public sealed class DemandDeadlineTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task Submit_AfterTheDeadline_IsRefusedNamingItInChinaTime_AndKeepsTheDraft()
    {
        var ct = TestContext.Current.CancellationToken;
        int round;
        await using (var db = host.App.CreateDbContext())
            round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(ct);
        var client = await host.App.SignedInAsync("applicant-a");
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, ct);

        host.App.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 16, 1, 0, 0, TimeSpan.Zero));
        client = await host.App.SignedInAsync("applicant-a"); // the old sign-in expired with the clock's jump
        var submit = await client.PostAsync($"/api/demands/{id}/submit", null, ct);
        var body = await submit.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Contains("DEMAND_ROUND_CLOSED", body);
        Assert.Contains("2024-04-15 00:00 (UTC+8)", body);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", ct);
        Assert.Equal("Draft", detail.GetProperty("status").GetString());
        Assert.Equal("高导热氮化铝陶瓷基板制备技术", detail.GetProperty("values").GetProperty("demandName").GetString());
    }
}
