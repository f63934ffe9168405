using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Files;

[Trait("Category", "Database")]
public sealed class StampedScanTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    int StoredFiles() => !Directory.Exists(host.App.StorageRoot) ? 0
        : Directory.GetFiles(host.App.StorageRoot, "*", SearchOption.AllDirectories).Count(f => Path.GetFileName(Path.GetDirectoryName(f)) != "tmp");

    static byte[] TwoPagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    async Task<(HttpClient Owner, int Demand)> SubmittedDemandAsync()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        return (await host.App.SignedInAsync("applicant-a"), id);
    }

    static Task<HttpResponseMessage> UploadAsync(HttpClient client, int demand, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return client.PostAsync($"/api/demands/{demand}/scans", form, Ct);
    }

    static async Task<string> Code(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("findings")[0].GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Upload_Pdf_KeepsPageCount_StoresSameBytesOnce_AndAuditsEachDownload()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        var pdf = TwoPagePdf();
        var storedBefore = StoredFiles();
        var first = await UploadAsync(owner, demand, pdf, "盖章件.pdf");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var scan = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, scan.GetProperty("pageCount").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(owner, demand, pdf, "again.pdf")).StatusCode);
        Assert.Equal(storedBefore + 1, StoredFiles());

        var id = scan.GetProperty("id").GetInt64();
        var staff = await host.App.SignedInAsync("staff");
        var download = await staff.GetAsync($"/api/files/{id}", Ct);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "file.downloaded" && a.EntityId == id.ToString() && a.ActorName == "staff", Ct));
    }

    [Fact]
    public async Task Download_ByAnotherUnit_IsNotFound()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        var scan = await (await UploadAsync(owner, demand, TwoPagePdf(), "a.pdf")).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var other = await host.App.SignedInAsync("recommender");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/files/{scan.GetProperty("id").GetInt64()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_RenamedExecutable_IsRefusedByContent()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        Assert.Equal("FILE_NOT_A_SCAN", await Code(await UploadAsync(owner, demand, executable, "scan.pdf")));
    }

    [Fact]
    public async Task Upload_TruncatedPdf_IsRefused()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        var pdf = TwoPagePdf();
        Assert.Equal("FILE_PDF_UNREADABLE", await Code(await UploadAsync(owner, demand, pdf[..(pdf.Length / 3)], "cut.pdf")));
    }

    [Fact]
    public async Task Upload_ZeroBytes_IsRefused()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        Assert.Equal("FILE_EMPTY", await Code(await UploadAsync(owner, demand, [], "empty.pdf")));
    }

    [Fact]
    public async Task Upload_OverTheLimit_IsRefusedAndLeavesNoFile()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        var big = new byte[21 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        Assert.Equal("FILE_TOO_LARGE", await Code(await UploadAsync(owner, demand, big, "big.pdf")));
        var tmp = Path.Combine(host.App.StorageRoot, "tmp");
        Assert.True(!Directory.Exists(tmp) || Directory.GetFiles(tmp).Length == 0);
    }

    [Fact]
    public async Task Upload_FileNameWithPathCharacters_KeepsOnlyASafeName()
    {
        var (owner, demand) = await SubmittedDemandAsync();
        var response = await UploadAsync(owner, demand, TwoPagePdf(), "..\\..\\windows\\system32\\盖章件<1>.pdf");
        var scan = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("盖章件1.pdf", scan.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_ToADraft_IsRefused()
    {
        await using var db = host.App.CreateDbContext();
        var client = await host.App.SignedInAsync("applicant-a");
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal("FILE_NOT_ALLOWED_NOW", await Code(await UploadAsync(client, draft, TwoPagePdf(), "a.pdf")));
    }
}
