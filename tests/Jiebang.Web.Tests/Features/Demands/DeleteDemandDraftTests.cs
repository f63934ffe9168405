using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A unit deletes its own drafts that were never submitted, and nothing else; each deletion is audited.</summary>
[Trait("Category", "Database")]
public sealed class DeleteDemandDraftTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<bool> ExistsAsync(int id)
    {
        await using var db = host.App.CreateDbContext();
        return await db.Demands.AnyAsync(d => d.Id == id, Ct);
    }

    [Fact]
    public async Task Delete_OwnDraftNeverSubmitted_IsGoneAndAudited()
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");

        var response = await client.DeleteAsync($"/api/demands/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await ExistsAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/demands/{id}", Ct)).StatusCode);
        await using var db = host.App.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "demand.deleted" && a.EntityId == id.ToString(), Ct);
        Assert.Equal(host.Personas.UnitA, entry.ActorUnitId);
        Assert.Contains("测试需求", entry.Before);
    }

    [Fact]
    public async Task Delete_SubmittedDemand_IsRefusedAndKept()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");

        var response = await client.DeleteAsync($"/api/demands/{id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("DEMAND_NOT_DELETABLE", problem.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.True(await ExistsAsync(id));
    }

    [Fact]
    public async Task Delete_WithdrawnAfterASubmit_IsRefusedAndKept()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/withdraw", null, Ct)).StatusCode);

        var response = await client.DeleteAsync($"/api/demands/{id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(DemandStatus.Withdrawn, (await db.Demands.SingleAsync(d => d.Id == id, Ct)).Status);
    }

    [Theory]
    [InlineData("applicant-a")]
    [InlineData("recommender")]
    [InlineData("staff")]
    public async Task Delete_AnotherUnitsDraft_AnswersNotFoundAndKeepsIt(string persona)
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitB);
        var client = await host.App.SignedInAsync(persona);

        var response = await client.DeleteAsync($"/api/demands/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await ExistsAsync(id));
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "demand.deleted" && a.EntityId == id.ToString(), Ct));
    }

    [Fact]
    public async Task Delete_StaffOnADemandThatReachedTheBureau_IsForbiddenAndKept()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitB);
        var client = await host.App.SignedInAsync("staff");

        var response = await client.DeleteAsync($"/api/demands/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await ExistsAsync(id));
    }

    [Fact]
    public async Task List_NeverSubmittedDraft_OffersDeleteThatRemovesIt()
    {
        var draft = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        var submitted = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync("applicant-a");
        var list = await client.GetStringAsync("/Demands", Ct);
        // The confirmation's own form carries the anti-forgery token it is posted with.
        Assert.Matches($"action=\"/Demands\\?id={draft}&amp;handler=Delete\">\\s*<button[^<]*</button>\\s*<input name=\"__RequestVerificationToken\"", list);
        Assert.DoesNotContain($"action=\"/Demands?id={submitted}&amp;handler=Delete\"", list);

        var response = await client.PostFormAsync($"/Demands?id={draft}&handler=Delete", new Dictionary<string, string>(), "/Demands");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await ExistsAsync(draft));
        Assert.True(await ExistsAsync(submitted));
        Assert.Contains("data-testid=\"deleted\"", await client.GetStringAsync("/Demands", Ct));
    }

    [Fact]
    public async Task Delete_DraftWithAnAttachedFile_RemovesTheAttachmentRecordToo()
    {
        var id = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        await using (var db = host.App.CreateDbContext())
        {
            db.Attachments.Add(new Jiebang.Web.Data.Attachment
            {
                OwnerType = nameof(Demand), OwnerId = id, Kind = "field:profilePages", FileName = "附页.pdf", Sha256 = new string('a', 64),
                ContentType = "application/pdf", Size = 5, UploadedAt = host.App.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }
        var client = await host.App.SignedInAsync("applicant-a");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/demands/{id}", Ct)).StatusCode);

        await using var after = host.App.CreateDbContext();
        Assert.False(await after.Attachments.AnyAsync(a => a.OwnerType == nameof(Demand) && a.OwnerId == id, Ct));
    }
}
