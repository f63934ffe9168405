using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>Opening a new form makes no draft; its first save with content does, once, and the page carries on with it.</summary>
[Trait("Category", "Database")]
public sealed class NewDemandFormTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(HttpClient Client, string NewForm)> OpenAsync(string persona)
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        return (await host.App.SignedInAsync(persona), $"/Demands/Edit?roundId={round}&formKey=annex2");
    }

    async Task<List<int>> DemandsOfAsync(int unitId)
    {
        await using var db = host.App.CreateDbContext();
        return await db.Demands.Where(d => d.OwnerUnitId == unitId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(Ct);
    }

    /// <summary>What a new annex 2 posts before anything is typed: the values filled in from the unit.</summary>
    static Dictionary<string, string> Untouched() => new()
    {
        ["Kind"] = "EnterpriseOwn", ["f.enterpriseName"] = "测试企业乙", ["f.region"] = "龙泉市", ["f.contactName"] = "联系人",
        ["f.demandName"] = "", ["f.description"] = " ", ["f.area.area"] = "",
    };

    [Fact]
    public async Task StartButton_OpensTheFormWithoutADraft()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);
        var round = newForm.Split("roundId=")[1].Split('&')[0];

        var response = await client.PostFormAsync("/Demands?handler=Start",
            new Dictionary<string, string> { ["roundId"] = round, ["formKey"] = "annex2" }, "/Demands");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(newForm, response.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(newForm, Ct));
        Assert.Contains("技术需求名称", page);
        Assert.Contains("value=\"测试企业乙\"", page);
        Assert.Equal(before, await DemandsOfAsync(host.Personas.UnitB));
    }

    [Fact]
    public async Task NewForm_RequiredFieldsMarkedForScreenReaders_WordPathShown_NoUnitHelpBesideAmounts()
    {
        var (client, newForm) = await OpenAsync("applicant-b");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(newForm, Ct));

        Assert.Contains("标有 * 的为必填项。", html);
        Assert.Matches("<input[^>]*id=\"f_demandName\"[^>]*required=\"required\" aria-required=\"true\"", html);
        Assert.Matches("<textarea[^>]*id=\"f_description\"[^>]*required=\"required\" aria-required=\"true\"", html);
        Assert.Matches("<select[^>]*id=\"f_area_area\"[^>]*required=\"required\" aria-required=\"true\"", html);
        Assert.DoesNotMatch("<textarea[^>]*id=\"f_otherTargets\"[^>]*required", html);
        Assert.Contains("data-testid=\"word-path\"", html);
        Assert.DoesNotContain("<details class=\"mb-3 d-print-none\">", html);
        Assert.DoesNotContain("单位：万元", html);
    }

    [Fact]
    public async Task Autosave_NothingTyped_SavesNothingAndMakesNoDraft()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);

        var response = await client.PostFormAsync(newForm + "&handler=Autosave", Untouched(), newForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("savedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("id").ValueKind);
        Assert.Equal(before, await DemandsOfAsync(host.Personas.UnitB));
    }

    [Fact]
    public async Task Autosave_FirstContent_MakesOneDraftAndAnswersItsAddress()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);
        var typed = new Dictionary<string, string>(Untouched()) { ["f.demandName"] = "自动保存时建立的需求" };

        var response = await client.PostFormAsync(newForm + "&handler=Autosave", typed, newForm);

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = answer.GetProperty("id").GetInt32();
        Assert.Equal($"/Demands/Edit/{id}", answer.GetProperty("editUrl").GetString());
        Assert.Equal([.. before, id], await DemandsOfAsync(host.Personas.UnitB));
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("自动保存时建立的需求", saved.GetProperty("values").GetProperty("demandName").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "demand.started" && a.EntityId == id.ToString(), Ct));

        // The page's later saves name the draft (its hidden id), and make no second one.
        typed["id"] = id.ToString();
        typed["f.description"] = "第二次保存的内容";
        var second = await client.PostFormAsync("/Demands/Edit?handler=Autosave", typed, newForm);
        Assert.Equal(JsonValueKind.Null, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").ValueKind);
        Assert.Equal([.. before, id], await DemandsOfAsync(host.Personas.UnitB));
        saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("第二次保存的内容", saved.GetProperty("values").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Save_NothingTyped_SaysSoAndMakesNoDraft()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);

        var response = await client.PostFormAsync(newForm + "&handler=Save", Untouched(), newForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未填写任何内容，未保存草稿。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(before, await DemandsOfAsync(host.Personas.UnitB));
    }

    [Fact]
    public async Task Save_FirstContent_GoesToTheNewDraftsPage()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var typed = new Dictionary<string, string>(Untouched()) { ["f.demandName"] = "保存时建立的需求" };

        var response = await client.PostFormAsync(newForm + "&handler=Save", typed, newForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/Demands/Edit/\d+$", location);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location, Ct));
        Assert.Contains("value=\"保存时建立的需求\"", page);
        Assert.Contains("草稿已保存。", page);
    }

    [Fact]
    public async Task Submit_NothingTyped_ShowsWhatIsMissingAndMakesNoDraft()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);

        var response = await client.PostFormAsync(newForm + "&handler=Submit", Untouched(), newForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-jb-error-summary", html);
        Assert.Equal(before, await DemandsOfAsync(host.Personas.UnitB));
    }

    [Fact]
    public async Task Submit_ValidFirstPost_MakesTheDraftAndShowsTheReceipt()
    {
        var (client, newForm) = await OpenAsync("applicant-a");
        var values = Annex2Values.Valid("一次填好提交的需求");
        var posted = new Dictionary<string, string> { ["Kind"] = "EnterpriseOwn", ["f.area.area"] = "新材料", ["f.area.directions"] = "电子化学材料" };
        foreach (var (key, value) in values.Where(v => v.Key != "area")) posted["f." + key] = value!.ToString();

        var response = await client.PostFormAsync(newForm + "&handler=Submit", posted, newForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("data-testid=\"receipt\"", details);
    }

    [Fact]
    public async Task ImportWord_OnANewForm_MakesTheDraftFromTheFile()
    {
        var (client, newForm) = await OpenAsync("applicant-a");
        var source = await TestDemands.DraftAsync(host.App, host.Personas.UnitA);
        await client.PutAsJsonAsync($"/api/demands/{source}/draft", new { values = Annex2Values.Valid("新表单导入的需求") }, Ct);
        var docx = await client.GetByteArrayAsync($"/api/demands/{source}/docx", Ct);
        var before = await DemandsOfAsync(host.Personas.UnitA);

        var html = await ImportAsync(client, newForm, docx);

        Assert.Contains("data-testid=\"import-report\"", html);
        var made = Assert.Single((await DemandsOfAsync(host.Personas.UnitA)).Except(before));
        Assert.Contains($"name=\"id\" value=\"{made}\"", html);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{made}", Ct);
        Assert.Equal("新表单导入的需求", saved.GetProperty("values").GetProperty("demandName").GetString());
    }

    [Fact]
    public async Task ImportWord_OnANewFormNotADocx_ShowsWhyAndMakesNoDraft()
    {
        var (client, newForm) = await OpenAsync("applicant-b");
        var before = await DemandsOfAsync(host.Personas.UnitB);

        var html = await ImportAsync(client, newForm, "不是Word文件"u8.ToArray());

        Assert.DoesNotContain("data-testid=\"import-report\"", html);
        Assert.Contains("alert", html);
        Assert.Equal(before, await DemandsOfAsync(host.Personas.UnitB));
    }

    /// <summary>Posts a file with the new form's import form, as the page's own hidden fields name it.</summary>
    static async Task<string> ImportAsync(HttpClient client, string newForm, byte[] docx)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(newForm, Ct));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + newForm).Query);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(""), "id" },
            { new StringContent(query["roundId"]!), "roundId" }, { new StringContent(query["formKey"]!), "formKey" },
            { new ByteArrayContent(docx), "file", "需求表.docx" },
        };
        var response = await client.PostAsync("/Demands/Edit?handler=Import", form, Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }
}
