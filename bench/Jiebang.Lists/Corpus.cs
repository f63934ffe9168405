using System.Diagnostics;
using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Lists;

/// <summary>
/// Fills a database through the app's own model: 2,000 enterprises and 20 associations in the registered
/// counties, a large round and a round of exactly the export's size, and demands made by the domain (started,
/// saved, submitted with receipts, some accepted, some still with their association), in batches of 2,000.
/// </summary>
public static class Corpus
{
    public sealed record Made(int LargeRoundId, int ExportRoundId, int BureauUnitId, string Area, string Word, int Total);

    public const string PlantedWord = "氮化铝";
    static readonly string[] Words = ["高导热", "陶瓷基板", "流延成型", "烧结致密化", "汽车空调", "压缩机", "轻量化", "青瓷釉料", "宝剑锻造",
        "食用菌", "智能传感", "数控机床", "工业互联网", "低碳工艺", "废水处理", "电子化学材料", "高分子材料", "精密铸造", "检测平台", "节能改造"];

    public static async Task<Made?> FindAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var rounds = await db.Rounds.Where(r => r.Title.StartsWith("列表基准")).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        if (rounds.Count != 2) return null;
        var bureau = await db.Units.Where(u => u.Name == "列表基准科技局").Select(u => u.Id).SingleAsync();
        var area = await db.Demands.Where(d => d.RoundId == rounds[0]).Select(d => d.Area).FirstAsync();
        return new Made(rounds[0], rounds[1], bureau, area, PlantedWord, await db.Demands.CountAsync());
    }

    public static async Task<Made> FillAsync(IServiceProvider services, int demands, int export)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20241130);
        var now = DateTimeOffset.UtcNow;
        int largeRound, exportRound, bureau;
        IReadOnlyList<int> enterprises, associations;
        IReadOnlyList<Jiebang.Domain.Forms.TaxonomyArea> areas;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var preset = await db.Rounds.AsNoTracking().SingleAsync(r => r.PresetKey == "longquan-demand-2024");
            areas = (await scope.ServiceProvider.GetRequiredService<FormRegistry>().TaxonomyAsync(preset.TaxonomyKey))!.Areas;
            var counties = await db.Regions.Where(r => r.Level == "county").OrderBy(r => r.Code).Select(r => r.Code).Take(12).ToListAsync();
            Round NewRound(string title) => new()
            {
                Kind = Jiebang.Domain.Rounds.RoundKind.DemandSolicitation, Title = title, OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(30),
                Forms = [.. preset.Forms], TaxonomyKey = preset.TaxonomyKey, Settings = preset.Settings, CreatedAt = now, UpdatedAt = now,
            };
            var rounds = new[] { NewRound("列表基准批次"), NewRound("列表基准导出批次") };
            db.Rounds.AddRange(rounds);
            var units = Enumerable.Range(0, 2020).Select(i => new Unit
            {
                Name = i < 2000 ? $"列表基准企业{i:D4}有限公司" : $"列表基准行业协会{i - 2000:D2}", Uscc = $"91331181{i:D10}",
                Type = i < 2000 ? UnitType.Enterprise : UnitType.Association, RegionCode = counties[i % counties.Count],
                Status = UnitStatus.Approved, ContactName = "联系人", CreatedAt = now,
            }).ToList();
            var bureauUnit = new Unit
            {
                Name = "列表基准科技局", Uscc = "113311810000000000", Type = UnitType.ScienceBureau, RegionCode = counties[0],
                Status = UnitStatus.Approved, ContactName = "联系人", CreatedAt = now,
            };
            db.Units.AddRange(units);
            db.Units.Add(bureauUnit);
            await db.SaveChangesAsync();
            (largeRound, exportRound, bureau) = (rounds[0].Id, rounds[1].Id, bureauUnit.Id);
            enterprises = units.Take(2000).Select(u => u.Id).ToList();
            associations = units.Skip(2000).Select(u => u.Id).ToList();
        }

        var window = new FilingWindow(now.AddDays(-30), now.AddDays(30));
        var staff = new FilingActor("bench-staff", bureau);
        for (var start = 0; start < demands; start += 2000)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<(Demand Demand, DateTimeOffset At, int Kind)>();
            for (var i = start; i < Math.Min(start + 2000, demands); i++)
            {
                // The last `export` demands form the export's round, all sent straight to the bureau.
                var inExportRound = i >= demands - export;
                var kind = inExportRound ? 0 : random.Next(10); // 0-6 direct, 7 accepted, 8-9 still with an association
                var recommender = kind >= 8 ? associations[random.Next(associations.Count)] : (int?)null;
                var area = areas[random.Next(areas.Count)];
                var directions = area.Directions.Count == 0 ? [] : area.Directions.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                var words = string.Concat(Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
                var text = (random.Next(100) == 0 ? PlantedWord : "") + words;
                var title = $"{Words[random.Next(Words.Length)]}{Words[random.Next(Words.Length)]}关键技术研究{i:D6}";
                var values = new JsonObject
                {
                    ["enterpriseName"] = "列表基准企业", ["contactName"] = "王经理", ["demandName"] = title,
                    ["area"] = new JsonObject { ["area"] = area.Name, ["directions"] = new JsonArray([.. directions.Select(d => (JsonNode)d)]) },
                    ["description"] = text + text, ["technicalTargets"] = words, ["totalInvestment"] = $"{random.Next(50, 5000)}.00",
                    ["fundingPlan"] = "企业自筹，申请补助。", ["leaderOpinion"] = "同意申报。",
                };
                var at = now.AddDays(-29).AddSeconds(i * 20.0 * 86400 / demands);
                var owner = enterprises[random.Next(enterprises.Count)];
                var demandKind = recommender is null ? DemandKind.EnterpriseOwn : DemandKind.IndustryCommon;
                var demand = Demand.Start(inExportRound ? exportRound : largeRound, owner, "annex2", 1, demandKind, recommender, at);
                demand.SaveDraft(values.ToJsonString(), new DemandSummary(title, area.Name, string.Join("；", directions), text), demandKind, recommender, at);
                batch.Add((demand, at, kind));
            }
            db.Demands.AddRange(batch.Select(b => b.Demand));
            await db.SaveChangesAsync();
            foreach (var (demand, at, kind) in batch)
            {
                var refused = demand.Submit(window, [], new FilingActor("bench-applicant", demand.OwnerUnitId), at);
                if (refused is null && kind == 7) refused = demand.Accept(ScreeningDecision.Accept, null, staff, at.AddHours(1));
                if (refused is not null) throw new InvalidOperationException(refused.ToString());
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if ((start / 2000) % 10 == 9) Console.WriteLine($"  {start + 2000:N0} demands ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine($"  filled {demands:N0} demands in {clock.Elapsed.TotalSeconds:F0} s");
        return (await FindAsync(services))!;
    }
}
