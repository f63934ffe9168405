using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Audit;

/// <summary>A short deadline rush: many submits at once, each with its audit entry (the long one is bench/Jiebang.Load).</summary>
[Trait("Category", "Database")]
public sealed class ConcurrentSubmitTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    const int Submits = 40;
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_FortyAtOnce_AllSucceedNoneLostOrDoubled_AndTheChainVerifies()
    {
        int roundId;
        await using (var db = host.App.CreateDbContext())
            roundId = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.App.SignedInAsync("applicant-a")));
        var drafts = new List<(HttpClient Client, int Id)>();
        for (var i = 0; i < Submits; i++)
        {
            var client = clients[i % clients.Length];
            var created = await client.PostAsJsonAsync("/api/demands", new { roundId, formKey = "annex2" }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
            var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid($"截止前并发提交的需求{i}") }, Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            drafts.Add((client, id));
        }

        var answers = await Task.WhenAll(drafts.Select(d => d.Client.PostAsync($"/api/demands/{d.Id}/submit", null, Ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var receipts = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString()!));
        Assert.Equal(Submits, receipts.Distinct().Count());
        var ids = drafts.Select(d => d.Id).ToList();
        var idTexts = ids.Select(i => i.ToString()).ToList();
        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.DemandVersions.Where(v => ids.Contains(v.FilingId)).Select(v => v.ReceiptNumber).ToListAsync(Ct);
            Assert.Equal(receipts.Order(), stored.Order());
            Assert.Equal(Submits, await db.AuditEntries.CountAsync(a => a.Action == "demand.submitted" && idTexts.Contains(a.EntityId), Ct));
        }

        await host.App.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: Ct);
        await using (var db = host.App.CreateDbContext())
        {
            var verdict = await AuditChain.VerifyAsync(db, host.App.Services.GetRequiredService<AuditChainFiles>(), Ct);
            Assert.True(verdict.IsIntact, $"broken at {verdict.FirstBrokenId}: {verdict.Problem}");
            Assert.Equal(await db.AuditEntries.CountAsync(Ct), verdict.EntriesChecked);
        }
    }
}
