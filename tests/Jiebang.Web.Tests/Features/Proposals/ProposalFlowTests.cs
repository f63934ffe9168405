using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>A proposal from start to withdrawal through the filing core, as the applicant and its recommending unit see it.</summary>
[Trait("Category", "Database")]
public sealed class ProposalFlowTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    async Task<(HttpClient Client, int Id)> StartedAsync(object start)
    {
        var client = await host.App.SignedInAsync("applicant-a");
        var started = await client.PostAsJsonAsync("/api/proposals", start, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (client, (await Json(started)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Start_FromAPublishedItem_TakesItUpWithItsNameAndTheUnitPrefilled()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { itemId = call.PublishedItemId });
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}", Ct);
        Assert.Equal(call.PublishedItemId, draft.GetProperty("guidelineItemId").GetInt32());
        Assert.Equal("高导热氮化铝陶瓷基板研制", draft.GetProperty("values").GetProperty("projectName").GetString());
        Assert.Equal("91331181MA2E0T3K5K", draft.GetProperty("values").GetProperty("applicantUscc").GetString());
        Assert.Equal("龙泉市", draft.GetProperty("values").GetProperty("applicantRegion").GetString());
    }

    [Fact]
    public async Task Start_InACategory_OrRefusedForAnUnknownCategoryOrAnUnpublishedItem()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { roundId = call.RoundId, category = "科技成果转移转化" });
        Assert.Equal("科技成果转移转化", (await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}", Ct)).GetProperty("category").GetString());

        var unknown = await client.PostAsJsonAsync("/api/proposals", new { roundId = call.RoundId, category = "其他" }, Ct);
        Assert.Contains("PROPOSAL_FILING_CATEGORY_UNKNOWN", await unknown.Content.ReadAsStringAsync(Ct));
        var unpublished = await client.PostAsJsonAsync("/api/proposals", new { itemId = call.DraftItemId }, Ct);
        Assert.Contains("PROPOSAL_ITEM_NOT_PUBLISHED", await unpublished.Content.ReadAsStringAsync(Ct));
        var page = await client.GetStringAsync($"/Proposals/Start?item={call.DraftItemId}", Ct);
        Assert.Contains("该榜单项目尚未发布或不存在", page);
    }

    [Fact]
    public async Task Proposal_SaveSubmitReturnResubmitWithdraw_GoesThroughTheCoreWithReceiptsAndAudit()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { itemId = call.PublishedItemId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"/api/proposals/{id}/submit", null, Ct)).StatusCode);

        var values = TestCalls.CompleteValues();
        var saved = await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = host.Personas.Association }, Ct);
        var findings = (await Json(saved)).GetProperty("findings");
        Assert.True(findings.GetArrayLength() == 0, findings.ToString());
        var first = await Json(await client.PostAsync($"/api/proposals/{id}/submit", null, Ct));
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.StartsWith("SB", first.GetProperty("receiptNumber").GetString());

        var recommender = await host.App.SignedInAsync("recommender");
        var returned = await recommender.PostAsJsonAsync($"/api/proposals/{id}/return", new { reason = "请补充团队分工" }, Ct);
        Assert.Equal("Returned", (await Json(returned)).GetProperty("status").GetString());

        values["content"] = "研究高纯氮化铝粉体合成与流延成型工艺，建立中试生产线；补充团队分工。";
        await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = host.Personas.Association }, Ct);
        Assert.Equal(2, (await Json(await client.PostAsync($"/api/proposals/{id}/submit", null, Ct))).GetProperty("version").GetInt32());
        var withdrawn = await client.PostAsync($"/api/proposals/{id}/withdraw", null, Ct);
        Assert.Equal("Withdrawn", (await Json(withdrawn)).GetProperty("status").GetString());

        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}", Ct)).GetProperty("history")
            .EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Submitted", "Returned", "Submitted", "Withdrawn"], history);
        await using var db = host.App.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Proposal" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(2, actions.Count(a => a == "proposal.submitted"));
        Assert.Contains("proposal.returned", actions);
        Assert.Contains("proposal.withdrawn", actions);
        var stored = await db.Proposals.SingleAsync(p => p.Id == id, Ct);
        Assert.DoesNotContain("33010219800101123X", stored.DraftJson); // the ID number is kept encrypted
        Assert.DoesNotContain("33010219800101123X", (await db.ProposalVersions.FirstAsync(v => v.FilingId == id, Ct)).ValuesJson);
    }

    [Theory]
    [InlineData("330102198001011234", "ID_CHECK")]          // the check character should be X
    [InlineData("330102209901011237", "ID_BIRTH_DATE_FUTURE")]
    [InlineData("990102198001011232", "ID_PROVINCE")]       // 99 is no province
    [InlineData("330102198001011221", "FORM_REQUIRED_FOR_WOMAN")] // a woman's post category is required
    public async Task LeaderIdNumber_Invalid_IsFoundAtTheFieldWithItsRule(string idNumber, string code)
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { itemId = call.PublishedItemId });
        var values = TestCalls.CompleteValues();
        values["leaderIdNumber"] = idNumber;
        var saved = await Json(await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = host.Personas.Association }, Ct));
        var finding = Assert.Single(saved.GetProperty("findings").EnumerateArray());
        Assert.Equal(code, finding.GetProperty("code").GetString());
        Assert.StartsWith(code == "FORM_REQUIRED_FOR_WOMAN" ? "leaderPostCategory" : "leaderIdNumber", finding.GetProperty("field").GetString());
        Assert.Contains(code == "FORM_REQUIRED_FOR_WOMAN" ? "岗位类别" : "身份证号码", finding.GetProperty("message").GetString());
    }

    [Fact] // the test call's item offers 200 万元
    public async Task Budget_SubsidyOverTheItemsFunding_IsAnErrorAtTheSubsidyAndBlocksSubmit()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { itemId = call.PublishedItemId });
        var values = TestCalls.CompleteValues();
        (values["totalBudget"], values["subsidyRequested"], values["selfFunding"]) = ("1000.01", "200.01", "800");
        values["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = "200.01", ["selfFunded"] = "800", ["indirect"] = "no" });
        var saved = await Json(await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = host.Personas.Association }, Ct));

        var finding = Assert.Single(saved.GetProperty("findings").EnumerateArray());
        Assert.Equal("PROPOSAL_SUBSIDY_OVER_ITEM_FUNDING", finding.GetProperty("code").GetString());
        Assert.Equal("subsidyRequested", finding.GetProperty("field").GetString());
        Assert.Contains("高导热氮化铝陶瓷基板研制", finding.GetProperty("message").GetString());
        var submit = await client.PostAsync($"/api/proposals/{id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
    }

    [Fact]
    public async Task Budget_TotalNotTheSumOfItsParts_IsAnError()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var (client, id) = await StartedAsync(new { itemId = call.PublishedItemId });
        var values = TestCalls.CompleteValues();
        values["totalBudget"] = "120";
        values["budgetRows"]![0]!["subsidy"] = "-5";
        var saved = await Json(await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values }, Ct));
        var codes = saved.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("FORM_AMOUNT_SUM_MISMATCH", codes);
        Assert.Contains("FORM_AMOUNT_NEGATIVE", codes);
        Assert.Contains("PROPOSAL_RECOMMENDER_REQUIRED", codes);
    }
}
