using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Operations;

/// <summary>
/// The app killed with SIGKILL in the middle of a burst of submits and scan uploads, then started again
/// on the same database, keys and files: every acknowledged submit and file is there, nothing is doubled,
/// no stored file is half-written, what was in flight can be sent again, and the audit chain verifies.
/// (The short version of issue 11's crash check; the app runs as its own process so it can be killed.)
/// </summary>
[Trait("Category", "Database")]
public sealed class CrashDuringBurstTests : IAsyncLifetime
{
    const int Filings = 24;
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly JiebangFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.NewClient();
        await Personas.CreateAsync(_app.Services);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    static MultipartFormDataContent Scan(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++) builder.AddPage(PageSize.A4);
        var file = new ByteArrayContent(builder.Build());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", $"盖章件{pages}.pdf" } };
    }

    [Fact]
    public async Task KillNine_DuringABurstOfSubmitsAndScans_KeepsWhatWasAcknowledgedAndTheChainVerifies()
    {
        // Open by the wall clock, which the app process runs on.
        var roundId = await TestRounds.DemandRoundAsync(_app, TimeSpan.FromDays(-1), TimeSpan.FromDays(1), now: DateTimeOffset.UtcNow);
        await using var process = new AppProcess(_app);
        await process.StartAsync(Ct);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++) clients.Add(await process.SignedInAsync("applicant-a"));
        var drafts = new List<(HttpClient Client, int Id)>();
        for (var i = 0; i < Filings; i++)
        {
            var client = clients[i % clients.Count];
            var created = await client.PostAsJsonAsync("/api/demands", new { roundId, formKey = "annex2" }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
            var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid($"崩溃前提交的需求{i}") }, Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            drafts.Add((client, id));
        }

        // The burst: each filing submits, then uploads its stamped scan; the process dies once a few scans are in.
        var receipts = new ConcurrentDictionary<int, string>();
        var scans = new ConcurrentDictionary<long, int>();
        var killAt = new TaskCompletionSource();
        var burst = Task.WhenAll(drafts.Select(async (d, i) =>
        {
            try
            {
                var submitted = await d.Client.PostAsync($"/api/demands/{d.Id}/submit", null, Ct);
                if (submitted.StatusCode != HttpStatusCode.OK) return;
                receipts[d.Id] = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString()!;
                var uploaded = await d.Client.PostAsync($"/api/demands/{d.Id}/scans", Scan(1 + i % 3), Ct);
                if (uploaded.StatusCode == HttpStatusCode.Created)
                    scans[(await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64()] = d.Id;
                if (scans.Count >= Filings / 6) killAt.TrySetResult();
            }
            catch (HttpRequestException) { } // the process died under this request
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested) { }
        }));
        await Task.WhenAny(killAt.Task, burst);
        await process.KillAsync();
        await burst;
        Assert.NotEmpty(receipts);
        Assert.NotEmpty(scans);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed with {receipts.Count} of {Filings} submits and {scans.Count} scans acknowledged");

        await process.StartAsync(Ct);

        var ids = drafts.Select(d => d.Id).ToList();
        await using (var db = _app.CreateDbContext())
        {
            var versions = await db.DemandVersions.AsNoTracking().Where(v => ids.Contains(v.FilingId)).ToListAsync(Ct);
            // Every acknowledged submit is stored, once; none is stored twice.
            foreach (var (id, receipt) in receipts)
                Assert.Equal(receipt, Assert.Single(versions, v => v.FilingId == id).ReceiptNumber);
            Assert.Equal(versions.Count, versions.Select(v => v.FilingId).Distinct().Count());
            // Every acknowledged file is recorded and whole; no stored file is half-written.
            var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == "Demand" && ids.Contains(a.OwnerId)).ToListAsync(Ct);
            foreach (var (scanId, demandId) in scans)
                Assert.Equal(demandId, Assert.Single(attachments, a => a.Id == scanId).OwnerId);
            foreach (var attachment in attachments)
                Assert.Equal(attachment.Sha256, await Sha256Async(Path.Combine(_app.StorageRoot, attachment.Sha256[..2], attachment.Sha256)));
            foreach (var file in Directory.EnumerateFiles(_app.StorageRoot, "*", SearchOption.AllDirectories)
                         .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "tmp"))
                Assert.Equal(Path.GetFileName(file), await Sha256Async(file));
        }

        // The clerks whose submit was cut off send it again, and the restarted app takes it.
        var again = await process.SignedInAsync("applicant-a");
        foreach (var id in ids.Where(id => !receipts.ContainsKey(id)))
        {
            var status = (await again.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct)).GetProperty("status").GetString();
            if (status != "Draft") continue; // stored before the answer was lost
            Assert.Equal(HttpStatusCode.OK, (await again.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);
        }
        await using (var db = _app.CreateDbContext())
            Assert.Equal(Filings, await db.DemandVersions.CountAsync(v => ids.Contains(v.FilingId), Ct));

        await _app.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: Ct);
        await using (var db = _app.CreateDbContext())
        {
            var verdict = await AuditChain.VerifyAsync(db, _app.Services.GetRequiredService<AuditChainFiles>(), Ct);
            Assert.True(verdict.IsIntact, $"broken at {verdict.FirstBrokenId}: {verdict.Problem}");
        }
    }

    static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, Ct));
    }
}
