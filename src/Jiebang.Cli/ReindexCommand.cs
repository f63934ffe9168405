using System.Text.Json.Nodes;
using Jiebang.Domain.Similarity;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.Similarity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// `jiebang reindex`: rebuilds the 查重 records — every submitted demand from its latest version, and
/// every record's sketch from its text (after a change of the sketch settings, or a restore).
/// </summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var forms = scope.ServiceProvider.GetRequiredService<FormRegistry>();
        var now = TimeProvider.System.GetUtcNow();
        var settings = new SimilaritySettings();

        var known = await db.SimilarityRecords.Where(r => r.SourceType == DemandSimilarity.DemandSource)
            .ToDictionaryAsync(r => r.SourceId!.Value);
        var demands = await db.Demands.AsNoTracking().Include(d => d.Versions).Where(d => d.Versions.Any()).ToListAsync();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        var rounds = await db.Rounds.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.OpensAt.Year);
        foreach (var demand in demands)
        {
            var form = await forms.FormAsync(demand.FormKey, demand.FormVersion);
            if (form is null) continue;
            var text = FilingText.Of(form, JsonNode.Parse(demand.LatestVersion!.ValuesJson) as JsonObject ?? []);
            if (!known.TryGetValue(demand.Id, out var record))
            {
                record = new SimilarityRecord { SourceType = DemandSimilarity.DemandSource, SourceId = demand.Id, Title = "", Text = "", Sketch = [] };
                db.SimilarityRecords.Add(record);
            }
            (record.Title, record.UnitId, record.UnitName, record.Year, record.Text) =
                (demand.Title, demand.OwnerUnitId, units.GetValueOrDefault(demand.OwnerUnitId, ""), rounds.GetValueOrDefault(demand.RoundId), text);
            record.Channel = DemandSimilarity.ChannelOf(demand);
        }
        await db.SaveChangesAsync();

        var count = 0;
        foreach (var record in await db.SimilarityRecords.ToListAsync())
        {
            record.Sketch = TextSketch.Of(record.Text, settings).ToBytes();
            record.IndexedAt = now;
            count++;
        }
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"reindexed\t{count} records / 已重建查重索引，共{count}条");
        return ExitCodes.Success;
    }
}
