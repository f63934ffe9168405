using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jiebang.Load;

/// <summary>
/// The last hour before the deadline, without think time: every applicant arrives within the ramp,
/// signs in, starts a demand, imports the filled Word form, autosaves, submits and uploads the
/// stamped scan; staff page the inbox until the applicants are done.
/// </summary>
public sealed class Crowd(Options options, Setup.Accounts accounts, byte[] blankAnnex2, Recorder recorder)
{
    /// <summary>Receipts the app acknowledged, by demand id.</summary>
    public ConcurrentDictionary<int, string> Receipts { get; } = new();

    public async Task<TimeSpan> RunAsync()
    {
        var pdf = Documents.OnePagePdf();
        using var applicantsDone = new CancellationTokenSource();
        var staff = accounts.Staff.Select(s => Task.Run(() => PageInboxAsync(s, applicantsDone.Token))).ToList();
        using var start = new SemaphoreSlim(0);
        var applicants = accounts.Applicants.Select((name, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            // Arrivals spread evenly over the ramp, then everyone works without think time.
            await Task.Delay(TimeSpan.FromSeconds(options.RampSeconds * (double)i / accounts.Applicants.Count));
            await FileAsync(name, i, pdf);
        })).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        start.Release(applicants.Count);
        await Task.WhenAll(applicants);
        var elapsed = clock.Elapsed;
        await applicantsDone.CancelAsync();
        await Task.WhenAll(staff);
        return elapsed;
    }

    async Task FileAsync(string userName, int index, byte[] pdf)
    {
        using var session = new WebSession(options.Url);
        if (!await session.SignInAsync(recorder, userName, Setup.Password)) return;
        var http = session.Http;
        for (var filing = 0; filing < options.FilingsPerClient; filing++)
        {
            var name = $"压测需求{accounts.Tag}-{index:D4}-{filing}";
            var started = await recorder.TimeAsync("start", () => http.PostAsJsonAsync("/api/demands", new { roundId = accounts.RoundId, formKey = "annex2" }), 201);
            if (started is null) return;
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

            var word = new MultipartFormDataContent();
            var docx = new ByteArrayContent(Documents.FillAnnex2(blankAnnex2, $"压测企业{accounts.Tag}-{index:D4}", name));
            docx.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            word.Add(docx, "file", "附件2.docx");
            if (await recorder.TimeAsync("import-word", () => http.PostAsync($"/api/demands/{id}/docx", word), 200) is null) return;

            for (var save = 1; save <= options.Saves; save++)
            {
                var values = Values(name, save == options.Saves ? null : save);
                if (await recorder.TimeAsync("autosave", () => http.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }), 200) is null) return;
            }

            var submitted = await recorder.TimeAsync("submit", () => http.PostAsync($"/api/demands/{id}/submit", null), 200);
            if (submitted is null) return;
            Receipts[id] = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;

            var scan = new MultipartFormDataContent();
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            scan.Add(file, "file", "盖章扫描件.pdf");
            await recorder.TimeAsync("upload-scan", () => http.PostAsync($"/api/demands/{id}/scans", scan), 201);
        }
    }

    async Task PageInboxAsync(string userName, CancellationToken applicantsDone)
    {
        using var session = new WebSession(options.Url);
        if (!await session.SignInAsync(recorder, userName, Setup.Password)) return;
        string[] filters = [$"roundId={accounts.RoundId}", $"roundId={accounts.RoundId}&area=新材料", $"roundId={accounts.RoundId}&status=Submitted"];
        for (var page = 0; !applicantsDone.IsCancellationRequested; page++)
        {
            var filter = filters[page % filters.Length];
            await recorder.TimeAsync("inbox", () => session.Http.GetAsync($"/api/demands/inbox?{filter}"), 200);
            try
            {
                await Task.Delay(250, applicantsDone);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Annex 2's values as typed so far: part of them while autosaving, all at the last save.</summary>
    static JsonObject Values(string demandName, int? partial)
    {
        var values = new JsonObject
        {
            ["enterpriseName"] = "压测企业", ["region"] = "龙泉市", ["contactName"] = "王经理", ["contactPhone"] = "13905781234",
            ["demandName"] = demandName,
            ["area"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("电子化学材料") },
            ["description"] = "研究高导热氮化铝粉体制备与流延成型工艺，解决烧结致密化与翘曲问题，导热率达到170W/(m·K)。",
        };
        if (partial is { } step && step < 2) return values;
        values["profile"] = "公司成立于2010年，主营汽车空调零部件。";
        values["technicalTargets"] = "热导率≥170W/(m·K)，抗弯强度≥400MPa。";
        values["economicSocialTargets"] = "项目完成后3年新增产值5000万元。";
        if (partial is not null) return values;
        values["achievementTargets"] = "申请发明专利3项，其中授权1项。";
        values["totalInvestment"] = "800.00";
        values["fundingPlan"] = "企业自筹600万元，申请补助200万元。";
        values["estimationBasis"] = "设备300万元，材料200万元，人工300万元。";
        values["leaderOpinion"] = "同意申报。";
        return values;
    }
}
