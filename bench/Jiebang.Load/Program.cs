using System.Globalization;
using System.Text.Json;
using Jiebang.Load;
using Npgsql;

// The deadline rush against a running instance on PostgreSQL: see docs/benchmarks.md.
var options = Options.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"# Deadline rush: {options.Clients} applicants arriving over {options.RampSeconds} s × {options.FilingsPerClient} filing(s), {options.Saves} autosaves each, {options.Staff} staff, against {options.Url}");

var pgbench = await PgBench.InsertsPerSecondAsync(options);
Console.WriteLine($"pgbench: {pgbench:F0} single-row inserts/s ({options.PgbenchClients} clients, {options.PgbenchSeconds} s)");

var accounts = await Setup.RunAsync(options);
Console.WriteLine($"setup: run tag {accounts.Tag}, round #{accounts.RoundId}, {accounts.Applicants.Count} applicants, {accounts.Staff.Count} staff");

var setupRecorder = new Recorder();
byte[] blank;
using (var first = new WebSession(options.Url))
{
    if (!await first.SignInAsync(setupRecorder, accounts.Applicants[0], Setup.Password))
        throw new InvalidOperationException("setup sign-in failed: " + string.Join("; ", setupRecorder.ErrorSamples));
    blank = await first.Http.GetByteArrayAsync($"/api/forms/annex2/template.docx?roundId={accounts.RoundId}");
}

// One filing through every route first, untimed, so that the crowd meets a warm app (JIT, pools).
var warmUp = new Crowd(options with { FilingsPerClient = 1, RampSeconds = 0 }, accounts with { Applicants = [accounts.WarmUp], Staff = [] }, blank, setupRecorder);
await warmUp.RunAsync();
if (setupRecorder.Errors > 0) throw new InvalidOperationException("warm-up failed: " + string.Join("; ", setupRecorder.ErrorSamples));

var recorder = new Recorder();
var crowd = new Crowd(options, accounts, blank, recorder);
var elapsed = await crowd.RunAsync();
var acknowledged = crowd.Receipts.Count;
foreach (var (id, receipt) in warmUp.Receipts) crowd.Receipts[id] = receipt;
var perSecond = acknowledged / elapsed.TotalSeconds;

// Every acknowledged receipt in the database exactly once, and nothing stored that was not acknowledged.
var stored = new List<(int DemandId, string Receipt)>();
await using (var connection = new NpgsqlConnection(options.Postgres))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("""
        SELECT v."DemandId", v."ReceiptNumber" FROM "DemandVersions" v JOIN "Demands" d ON d."Id" = v."DemandId" WHERE d."RoundId" = @round
        """, connection);
    command.Parameters.AddWithValue("round", accounts.RoundId);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) stored.Add((reader.GetInt32(0), reader.GetString(1)));
}
var lost = crowd.Receipts.Count(r => !stored.Contains((r.Key, r.Value)));
var doubled = stored.GroupBy(s => s.DemandId).Count(g => g.Count() > 1) + stored.GroupBy(s => s.Receipt).Count(g => g.Count() > 1);
var unacknowledged = stored.Count(s => !crowd.Receipts.ContainsKey(s.DemandId));

// The audit chain once the chainer has caught up (staff may call the verify endpoint).
string audit;
using (var staff = new WebSession(options.Url))
{
    await staff.SignInAsync(setupRecorder, accounts.Staff[0], Setup.Password);
    var verdict = default(JsonElement);
    for (var attempt = 0; attempt < 60; attempt++)
    {
        verdict = JsonDocument.Parse(await staff.Http.GetStringAsync("/api/audit/verify")).RootElement;
        if (!verdict.TryGetProperty("pending", out var pending) || pending.GetInt64() == 0) break;
        await Task.Delay(1000);
    }
    audit = verdict.GetRawText();
}

Console.WriteLine();
Console.WriteLine("| request | count | p50 ms | p99 ms | max ms | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var row in recorder.Summary())
    Console.WriteLine($"| {row.Type} | {row.Count} | {row.P50:F0} | {row.P99:F0} | {row.Max:F0} | {row.Errors} |");
Console.WriteLine();
Console.WriteLine($"submissions: {acknowledged} acknowledged in {elapsed.TotalSeconds:F1} s = {perSecond:F1}/s ({100 * perSecond / pgbench:F2} % of pgbench's {pgbench:F0} inserts/s)");
Console.WriteLine($"in the database: {stored.Count} versions; lost {lost}, doubled {doubled}, stored but not acknowledged {unacknowledged}");
Console.WriteLine($"errors: {recorder.Errors}");
foreach (var sample in recorder.ErrorSamples) Console.WriteLine($"  {sample}");
Console.WriteLine($"audit verify: {audit}");
return recorder.Errors == 0 && lost == 0 && doubled == 0 ? 0 : 1;
