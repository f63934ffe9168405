using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;
using static Jiebang.Web.Tests.Features.Similarity.SimilarityTexts;

namespace Jiebang.Web.Tests.Features.Operations;

/// <summary>
/// Two instances on one PostgreSQL behind nginx (docs/operations.md, "Behind a reverse proxy, several
/// instances"): whatever one instance does, the other and the proxy carry on with.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class SeveralInstancesTests(TwoInstancesBehindNginx env) : IClassFixture<TwoInstancesBehindNginx>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static void OnlyOnPostgres() => Assert.SkipUnless(TwoInstancesBehindNginx.OnPostgres,
        "Several instances share one PostgreSQL database; SQLite is for a single instance (run with JIEBANG_TEST_PROVIDER=Postgres).");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"jiebang-antiforgery\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    static async Task<string> FormTokenAsync(HttpClient client, string page) => FormToken().Match(await client.GetStringAsync(page, Ct)).Groups[1].Value;

    static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))), Ct);

    /// <summary>Signs in with each form taken from <paramref name="formFrom"/> and posted to <paramref name="postTo"/>.</summary>
    async Task SignInAsync(HttpClient formFrom, HttpClient postTo, string userName)
    {
        var login = await PostFormAsync(postTo, "/Account/Login", await FormTokenAsync(formFrom, "/Account/Login"),
            ("Input.UserName", userName), ("Input.Password", Personas.Password));
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync(Ct));
        if (!login.Headers.Location!.OriginalString.Contains("LoginWith2fa")) return;
        await env.A.ForgetUsedAuthenticatorCodeAsync(userName);
        var code = await PostFormAsync(postTo, "/Account/LoginWith2fa", await FormTokenAsync(formFrom, "/Account/LoginWith2fa"),
            ("Input.Code", Totp.Code(Personas.AuthenticatorKey, DateTimeOffset.UtcNow)));
        Assert.True(code.StatusCode == HttpStatusCode.Redirect, await code.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>One person's browser, with a client of each instance and of the proxy sharing its cookies.</summary>
    sealed record Browser(HttpClient A, HttpClient B, HttpClient Proxy);

    async Task<Browser> SignedInAsync(string userName, bool onA = true)
    {
        var cookies = new CookieContainer();
        var browser = new Browser(env.Client(env.UrlA, cookies), env.Client(env.UrlB, cookies), env.Client(env.ProxyUrl, cookies));
        if (onA) await SignInAsync(browser.A, browser.A, userName);
        else await SignInAsync(browser.B, browser.B, userName);
        return browser;
    }

    async Task<int> PresetRoundAsync()
    {
        await using var db = env.A.CreateDbContext();
        return await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
    }

    static async Task<int> SubmitDemandAsync(HttpClient client, int round, string name, string description, string targets)
    {
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var values = Annex2Values.Valid(name);
        (values["description"], values["technicalTargets"]) = (description, targets);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct)).StatusCode);
        var submitted = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync(Ct));
        return id;
    }

    [Fact]
    public async Task SignIn_OnOneInstance_ContinuesOnTheOtherAndThroughNginxOnBoth()
    {
        OnlyOnPostgres();
        var cookies = new CookieContainer();
        var (a, b) = (env.Client(env.UrlA, cookies), env.Client(env.UrlB, cookies));
        // Each form comes from A and is posted to B: B accepts A's antiforgery token and cookie.
        await SignInAsync(a, b, "staff");

        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/Inbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/Inbox", Ct)).StatusCode);
        var proxy = env.Client(env.ProxyUrl, cookies);
        var upstreams = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var page = await proxy.GetAsync("/Inbox", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            upstreams.Add(page.Headers.GetValues("X-Upstream").Single());
        }
        Assert.Equal(new[] { new Uri(env.UrlA).Authority, new Uri(env.UrlB).Authority }.Order(), upstreams.Order());
        Assert.Equal(HttpStatusCode.Redirect, (await env.Client(env.UrlB, new CookieContainer()).GetAsync("/Inbox", Ct)).StatusCode);
    }

    [Fact]
    public async Task Demand_SubmittedOnOneInstance_IsInTheOthersInboxAndCaughtByTheOthersSimilarityCheckAtOnce()
    {
        OnlyOnPostgres();
        var round = await PresetRoundAsync();
        var applicantB = await SignedInAsync("applicant-b", onA: false);
        // B's 查重 index is built before A indexes anything, so B must catch up with what A indexes.
        await SubmitDemandAsync(applicantB.B, round, "宝剑透明防护涂层研制（多实例）", CoatingBackground + "\n" + CoatingContent, "盐雾试验五百小时无锈蚀。");
        var applicantA = await SignedInAsync("applicant-a");
        var first = await SubmitDemandAsync(applicantA.A, round, "高导热氮化铝陶瓷基板研制（多实例）", CeramicsBackground + "\n" + CeramicsContent, CeramicsTargets);

        var staff = await SignedInAsync("staff", onA: false);
        var inbox = await staff.B.GetFromJsonAsync<JsonElement>("/api/demands/inbox?text=多实例", Ct);
        Assert.Contains(inbox.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetInt32() == first);

        var second = await SubmitDemandAsync(applicantB.B, round, "电动压缩机控制器用散热基板攻关（多实例）",
            CeramicsContent + "\n" + CeramicsBackground, CeramicsTargets);
        var ranked = await staff.B.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{second}", Ct);
        var top = ranked.EnumerateArray().First();
        Assert.Equal("Demand", top.GetProperty("sourceType").GetString());
        Assert.Equal(first, top.GetProperty("sourceId").GetInt32());
        Assert.True(top.GetProperty("score").GetDouble() >= 0.4, top.ToString());
    }

    [Fact]
    public async Task PersonalData_EncryptedByOneInstance_IsReadByTheOther_AndItsAntiforgeryTokenIsAccepted()
    {
        OnlyOnPostgres();
        var round = await PresetRoundAsync();
        var applicant = await SignedInAsync("applicant-a");
        var created = await applicant.A.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var values = Annex2Values.Valid("多实例联系电话");
        values["contactPhone"] = "13905786611";
        Assert.Equal(HttpStatusCode.OK, (await applicant.A.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct)).StatusCode);
        await using (var db = env.A.CreateDbContext())
            Assert.DoesNotContain("13905786611", (await db.Demands.SingleAsync(d => d.Id == id, Ct)).DraftJson);

        Assert.Contains("13905786611", (await applicant.B.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct)).ToString());

        // An API write on B with the token a page of A handed out, and no Origin to fall back on.
        var token = MetaToken().Match(await applicant.A.GetStringAsync($"/Demands/Edit/{id}", Ct)).Groups[1].Value;
        Assert.NotEmpty(token);
        Task<HttpResponseMessage> SaveOnB(string? antiforgery)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/demands/{id}/draft") { Content = JsonContent.Create(new { values }) };
            if (antiforgery is not null) request.Headers.Add("RequestVerificationToken", antiforgery);
            return applicant.B.SendAsync(request, Ct);
        }
        applicant.B.DefaultRequestHeaders.Remove("Origin");
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveOnB(null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveOnB(token)).StatusCode);
    }

    [Fact]
    public async Task ResidentId_StoredByOneInstance_IsRevealedByTheOtherAndTheRevealAudited()
    {
        OnlyOnPostgres();
        var admin = await SignedInAsync("admin");
        var created = await admin.A.PostAsJsonAsync("/api/accounts", new
        {
            unitId = env.Personas.UnitA, userName = $"expert-{Guid.NewGuid():N}"[..20], fullName = "评审专家", mobile = "138 0571 4321",
            residentId = "11010519491231002x", role = "Expert", password = "expert-2024-pw",
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var listOnB = await admin.B.GetStringAsync("/api/accounts", Ct);
        Assert.Contains("1101**********002X", listOnB);
        Assert.DoesNotContain("11010519491231002X", listOnB);
        var revealed = await admin.B.PostAsync($"/api/accounts/{id}/resident-id/reveal", null, Ct);
        Assert.Contains("11010519491231002X", await revealed.Content.ReadAsStringAsync(Ct));
        await using var db = env.A.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "personal.revealed" && a.EntityId == id && a.Reason == "residentId", Ct));
    }

    [Fact]
    public async Task Scan_UploadedOnOneInstance_IsDownloadedFromTheOtherAndThroughNginx()
    {
        OnlyOnPostgres();
        var demand = await TestDemands.SubmittedAsync(env.A, env.Personas.UnitA);
        var applicant = await SignedInAsync("applicant-a");
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var pdf = builder.Build();
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "盖章件.pdf");
        var uploaded = await applicant.A.PostAsync($"/api/demands/{demand}/scans", form, Ct);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Ct));
        var scan = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        var staff = await SignedInAsync("staff", onA: false);
        Assert.Equal(pdf, await (await staff.B.GetAsync($"/api/files/{scan}", Ct)).Content.ReadAsByteArrayAsync(Ct));
        for (var i = 0; i < 2; i++) // round robin: once from each instance
        {
            var download = await staff.Proxy.GetAsync($"/api/files/{scan}", Ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task FailedSignIns_SpreadOverBothInstances_AreCountedTogetherForTheAccount()
    {
        OnlyOnPostgres();
        var cookies = new CookieContainer();
        var (a, b) = (env.Client(env.UrlA, cookies), env.Client(env.UrlB, cookies));
        static async Task<string> TryAsync(HttpClient client, string password) =>
            await (await PostFormAsync(client, "/Account/Login", await FormTokenAsync(client, "/Account/Login"),
                ("Input.UserName", "expert"), ("Input.Password", password))).Content.ReadAsStringAsync(Ct);

        // Five failures are free however they are spread; the sixth try waits, on either instance.
        for (var i = 0; i < 5; i++) Assert.Contains("用户名或密码错误", await TryAsync(i % 2 == 0 ? a : b, "guess-" + i));
        Assert.Contains("该用户名失败次数过多", await TryAsync(a, "guess-5"));
        Assert.Contains("该用户名失败次数过多", await TryAsync(b, Personas.Password));
        var proxied = env.Client(env.ProxyUrl, new CookieContainer());
        Assert.Contains("该用户名失败次数过多", await TryAsync(proxied, Personas.Password));
        Assert.Contains("该用户名失败次数过多", await TryAsync(proxied, Personas.Password));
    }

    [Fact]
    public async Task Nginx_ForwardedHeaders_TheAppSeesTheProxysSchemeHostAndPort()
    {
        OnlyOnPostgres();
        var proxy = env.Client(env.ProxyUrl, new CookieContainer());
        var redirect = await proxy.GetAsync("/Inbox", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(env.ProxyUrl + "/Account/Login", redirect.Headers.Location!.OriginalString);
        var direct = await env.Client(env.UrlA, new CookieContainer()).GetAsync("/Inbox", Ct);
        Assert.StartsWith(env.UrlA + "/Account/Login", direct.Headers.Location!.OriginalString);

        // Signed in through the proxy, the session cookie is Secure: the app knows the browser is on HTTPS.
        var cookies = new CookieContainer();
        var browser = env.Client(env.ProxyUrl, cookies);
        await SignInAsync(browser, browser, "recommender");
        var session = cookies.GetCookies(new Uri(env.ProxyUrl)).Single(c => c.Name == "jiebang.auth");
        Assert.True(session.Secure);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Nginx_BurstOfSignInPagesFromOneAddress_IsLimitedByLimitReq_AndPassesAgainAfter()
    {
        OnlyOnPostgres();
        var proxy = env.Client(env.ProxyUrl, new CookieContainer());
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => proxy.GetAsync("/Account/Login", Ct)));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await env.Client(env.UrlA, new CookieContainer()).GetAsync("/Account/Login", Ct)).StatusCode);
        // 10 a second refill the bucket of 20: the next tries pass again within a few seconds.
        var passed = false;
        for (var i = 0; i < 50 && !passed; i++)
        {
            await Task.Delay(200, Ct);
            passed = (await proxy.GetAsync("/Account/Login", Ct)).StatusCode == HttpStatusCode.OK;
        }
        Assert.True(passed, env.ErrorLog());
        // The class's other tests sign in through the same proxy and address: leave them a full bucket (20 at 10 a second).
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
    }
}
