using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>
/// Taking up an item opens the proposal form without a draft; the first save with content makes it. A unit
/// deletes its own never-submitted proposal drafts, and nothing else.
/// </summary>
[Trait("Category", "Database")]
public sealed class NewProposalFormTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<List<int>> ProposalsOfAsync(int unitId)
    {
        await using var db = host.App.CreateDbContext();
        return await db.Proposals.Where(p => p.OwnerUnitId == unitId).Select(p => p.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task StartButton_OpensTheFormWithoutADraft()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var client = await host.App.SignedInAsync("applicant-a");
        var before = await ProposalsOfAsync(host.Personas.UnitA);
        var startPage = $"/Proposals/Start?item={call.PublishedItemId}";

        var response = await client.PostFormAsync(startPage, new Dictionary<string, string> { ["item"] = call.PublishedItemId.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newForm = response.Headers.Location!.OriginalString;
        Assert.Equal($"/Proposals/Edit?item={call.PublishedItemId}", newForm);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(newForm, Ct));
        Assert.Contains("value=\"高导热氮化铝陶瓷基板研制\"", page);
        Assert.Contains("data-testid=\"word-path\"", page);
        Assert.Equal(before, await ProposalsOfAsync(host.Personas.UnitA));

        var untouched = await client.PostFormAsync(newForm + "&handler=Autosave",
            new Dictionary<string, string> { ["f.projectName"] = "高导热氮化铝陶瓷基板研制" }, newForm);
        Assert.Equal(JsonValueKind.Null, (await untouched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").ValueKind);
        Assert.Equal(before, await ProposalsOfAsync(host.Personas.UnitA));
    }

    [Fact]
    public async Task Save_FirstContentInACategory_MakesTheDraftAndGoesToIt()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var client = await host.App.SignedInAsync("applicant-a");
        var before = await ProposalsOfAsync(host.Personas.UnitA);
        var newForm = $"/Proposals/Edit?round={call.RoundId}&category={Uri.EscapeDataString("科技成果转移转化")}";

        var response = await client.PostFormAsync(newForm + "&handler=Save",
            new Dictionary<string, string> { ["f.projectName"] = "成果转化的申报书" }, newForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var made = Assert.Single((await ProposalsOfAsync(host.Personas.UnitA)).Except(before));
        Assert.Equal($"/Proposals/Edit/{made}", response.Headers.Location!.OriginalString);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{made}", Ct);
        Assert.Equal("科技成果转移转化", saved.GetProperty("category").GetString());
        Assert.Equal("成果转化的申报书", saved.GetProperty("values").GetProperty("projectName").GetString());
    }

    [Fact]
    public async Task Delete_OwnDraftFromTheList_IsGoneAndAudited()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var client = await host.App.SignedInAsync("applicant-a");
        var started = await client.PostAsJsonAsync("/api/proposals", new { itemId = call.PublishedItemId }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Matches($"action=\"/Proposals\\?id={id}&amp;handler=Delete\">\\s*<button[^<]*</button>\\s*<input name=\"__RequestVerificationToken\"",
            await client.GetStringAsync("/Proposals", Ct));

        var response = await client.PostFormAsync($"/Proposals?id={id}&handler=Delete", new Dictionary<string, string>(), "/Proposals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(id, await ProposalsOfAsync(host.Personas.UnitA));
        await using var db = host.App.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "proposal.deleted" && a.EntityId == id.ToString(), Ct);
        Assert.Equal(host.Personas.UnitA, entry.ActorUnitId);
    }

    [Fact]
    public async Task Delete_SubmittedProposal_IsRefusedAndKept()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var client = await host.App.SignedInAsync("applicant-a");
        var started = await client.PostAsJsonAsync("/api/proposals", new { itemId = call.PublishedItemId }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values = TestCalls.CompleteValues(), recommenderUnitId = host.Personas.Association }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/proposals/{id}/submit", null, Ct)).StatusCode);

        var response = await client.DeleteAsync($"/api/proposals/{id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("PROPOSAL_NOT_DELETABLE", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(id, await ProposalsOfAsync(host.Personas.UnitA));
    }

    [Theory]
    [InlineData("applicant-b")]
    [InlineData("recommender")]
    [InlineData("staff")]
    public async Task Delete_AnotherUnitsDraft_AnswersNotFoundAndKeepsIt(string persona)
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var owner = await host.App.SignedInAsync("applicant-a");
        var started = await owner.PostAsJsonAsync("/api/proposals", new { itemId = call.PublishedItemId }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var other = await host.App.SignedInAsync(persona);

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/proposals/{id}", Ct)).StatusCode);
        Assert.Contains(id, await ProposalsOfAsync(host.Personas.UnitA));
    }
}
