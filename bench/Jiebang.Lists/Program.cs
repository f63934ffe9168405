using System.Diagnostics;
using System.Globalization;
using Jiebang.Lists;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Microsoft.Extensions.DependencyInjection;

// Staff lists at scale: the inbox page and the 需求汇总表 export on a database of N demands; see docs/benchmarks.md.
var options = Options.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"# Staff lists: {options.Demands:N0} demands, export of {options.Export:N0} rows, {options.Repeat} timed runs a case (median, slowest)");

foreach (var provider in options.Providers)
{
    Console.WriteLine();
    Console.WriteLine($"## {provider}");
    var app = await Scratch.OpenAsync(options, provider, fresh: !options.Reuse);
    await using (app)
    {
        var made = await Corpus.FindAsync(app.Services);
        made ??= await Corpus.FillAsync(app.Services, options.Demands, options.Export);
        // As autovacuum and `ANALYZE` leave a live database: after the fill, and after a migration that --reuse applied
        // (new indexes without statistics; on PostgreSQL, rows rewritten and so out of the visibility map).
        await Scratch.AnalyzeAsync(app.Services, provider);
        var staff = new Actor("bench-staff", "bench-staff", made.BureauUnitId, new HashSet<string> { Roles.Staff });
        var receipt = $"XQ{made.LargeRoundId:D3}-0123";
        BureauInbox.Filter[] inboxCases =
        [
            new(), new() { RoundId = made.LargeRoundId, Area = made.Area, Status = Jiebang.Domain.Demands.DemandStatus.Submitted },
            new() { Text = made.Word }, new() { Text = receipt }, new() { Page = 1000 }, new() { Sort = "unit", Page = 20 },
            new() { Sort = "county", Page = 20 },
        ];
        string[] names = ["first page", "filtered page (round, area, status)", $"text search ({made.Word})", $"receipt search ({receipt})",
            "page 1,000", "sorted by unit, page 20", "sorted by county, page 20"];

        Console.WriteLine($"{made.Total:N0} demands in the database");
        Console.WriteLine();
        Console.WriteLine("| case | rows found | median ms | slowest ms | app CPU ms | goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        for (var i = 0; i < inboxCases.Length; i++)
        {
            BureauInbox.Result? result = null;
            var (times, cpu) = await TimeAsync(options.Repeat, async () =>
            {
                using var scope = app.Services.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<BureauInbox>().HandleAsync(staff, inboxCases[i]);
                result = outcome.Value ?? throw new InvalidOperationException(string.Join("; ", outcome.Errors));
            });
            Console.WriteLine($"| inbox: {names[i]} | {result!.Total:N0} | {Median(times):F0} | {times.Max():F0} | {Median(cpu):F0} | ≤ 200 ms {(Median(times) <= 200 ? "✓" : "✗")} |");
        }
        var rows = 0;
        var (export, exportCpu) = await TimeAsync(Math.Max(1, options.Repeat / 2), async () =>
        {
            using var scope = app.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<DemandSummaryExport>()
                .HandleAsync(staff, new BureauInbox.Filter { RoundId = made.ExportRoundId });
            var file = outcome.Value ?? throw new InvalidOperationException(string.Join("; ", outcome.Errors));
            rows = file.Rows;
            File.Delete(file.Path);
        });
        Console.WriteLine($"| 需求汇总表 export | {rows:N0} | {Median(export):F0} | {export.Max():F0} | {Median(exportCpu):F0} | ≤ 2,000 ms {(Median(export) <= 2000 ? "✓" : "✗")} |");
    }
    if (!options.Keep) await Scratch.DropAsync(options, provider);
}

// Wall time, and the bench process's CPU time (all of SQLite's work, none of PostgreSQL's): on a shared machine the
// second shows what the first would be without the neighbours.
static async Task<(double[] Wall, double[] Cpu)> TimeAsync(int repeat, Func<Task> run)
{
    await run(); // untimed: JIT, connection pool, the database's cache
    var (wall, cpu) = (new double[repeat], new double[repeat]);
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < repeat; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run();
        wall[i] = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    }
    return (wall, cpu);
}

static double Median(double[] times)
{
    var sorted = times.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
