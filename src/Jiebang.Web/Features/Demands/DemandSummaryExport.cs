using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// 需求汇总表: the demands of an inbox filter as an .xlsx with Chinese headers, column widths,
/// 万元 in a two-decimal number format and a frozen header row. Rows are read from the database
/// a chunk at a time and written to a temporary file, so thousands of rows never sit in memory at once.
/// </summary>
public sealed class DemandSummaryExport(DemandStore store, BureauInbox inbox, DemandQueries queries, AuditTrail audit)
{
    public sealed class SummaryRow
    {
        [ExcelColumnName("序号"), ExcelColumnWidth(6)] public int Number { get; init; }
        [ExcelColumnName("需求名称"), ExcelColumnWidth(36)] public string Title { get; init; } = "";
        [ExcelColumnName("填报单位"), ExcelColumnWidth(30)] public string Unit { get; init; } = "";
        [ExcelColumnName("所属县（市、区）"), ExcelColumnWidth(12)] public string County { get; init; } = "";
        [ExcelColumnName("领域"), ExcelColumnWidth(14)] public string Area { get; init; } = "";
        [ExcelColumnName("方向"), ExcelColumnWidth(24)] public string Directions { get; init; } = "";
        [ExcelColumnName("需求类型"), ExcelColumnWidth(18)] public string Kind { get; init; } = "";
        [ExcelColumnName("推荐单位"), ExcelColumnWidth(26)] public string Recommender { get; init; } = "";
        [ExcelColumnName("状态"), ExcelColumnWidth(14)] public string Status { get; init; } = "";
        [ExcelColumnName("预计总投入（万元）"), ExcelColumnWidth(16), ExcelFormat("#,##0.00")] public decimal? TotalInvestment { get; init; }
        [ExcelColumnName("联系人"), ExcelColumnWidth(10)] public string Contact { get; init; } = "";
        [ExcelColumnName("回执编号"), ExcelColumnWidth(20)] public string Receipt { get; init; } = "";
        [ExcelColumnName("提交时间（北京时间）"), ExcelColumnWidth(20)] public string SubmittedAt { get; init; } = "";
    }

    public sealed record File(string Path, int Rows);

    public async Task<Outcome<File>> HandleAsync(Actor actor, BureauInbox.Filter filter, CancellationToken cancellationToken = default)
    {
        var found = inbox.Find(actor, filter);
        if (!found.Succeeded) return found.Errors.ToList();
        var ids = await inbox.Ordered(found.Value!, filter.Sort).Ordered.Select(d => d.Id).ToListAsync(cancellationToken);
        return await WriteAsync(actor, ids, "需求汇总表", cancellationToken);
    }

    /// <summary>推荐汇总表: what a recommending unit accepted or sent in a round, to stamp and upload with its letter.</summary>
    public async Task<Outcome<File>> ForRecommenderAsync(Actor actor, int roundId, CancellationToken cancellationToken = default)
    {
        var sent = await queries.SentToMeAsync(actor, cancellationToken);
        if (!sent.Succeeded) return sent.Errors.ToList();
        var ids = sent.Value!.Where(r => r.RoundId == roundId
            && r.Status is DemandStatus.Recommended or DemandStatus.ForwardedToBureau or DemandStatus.Accepted).Select(r => r.Id).ToList();
        return await WriteAsync(actor, ids, "推荐汇总表", cancellationToken);
    }

    /// <summary>
    /// Streams the rows in the order of the ids, 500 at a time: each chunk is two queries (the rows with their
    /// units, and the latest version's contact and amount), never one a demand.
    /// </summary>
    async Task<Outcome<File>> WriteAsync(Actor actor, IReadOnlyList<int> ids, string sheetName, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jiebang-summary-{Guid.NewGuid():N}.xlsx");
        var recommenders = new Dictionary<int, string>();
        var number = 0;
        IEnumerable<SummaryRow> Lines()
        {
            foreach (var chunk in ids.Chunk(500))
            {
                var rows = queries.RowsIn(store.Db.Demands.Where(d => chunk.Contains(d.Id))).AsEnumerable().ToDictionary(r => r.Id);
                var missing = rows.Values.Select(r => r.RecommenderUnitId).OfType<int>().Where(r => !recommenders.ContainsKey(r)).Distinct().ToList();
                foreach (var unit in store.Db.Units.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Name }))
                    recommenders[unit.Id] = unit.Name;
                // The latest version of each demand of the chunk, in one query.
                var versions = store.Db.DemandVersions.AsNoTracking()
                    .Where(v => chunk.Contains(v.FilingId)
                        && v.Number == store.Db.DemandVersions.Where(w => w.FilingId == v.FilingId).Max(w => w.Number))
                    .Select(v => new { v.FilingId, v.ValuesJson, v.ReceiptNumber, v.SubmittedAt })
                    .AsEnumerable().ToDictionary(v => v.FilingId);
                foreach (var id in chunk)
                {
                    if (!rows.TryGetValue(id, out var row)) continue;
                    versions.TryGetValue(id, out var version);
                    var (contact, investment) = version is null ? ("", null) : ContactAndInvestment(version.ValuesJson);
                    yield return new SummaryRow
                    {
                        Number = ++number, Title = row.Title, Unit = row.OwnerUnitName, County = row.County, Area = row.Area,
                        Directions = row.Directions, Kind = DemandTerms.Kind(row.Kind).Zh,
                        Recommender = row.RecommenderUnitId is { } r ? recommenders.GetValueOrDefault(r, "") : DemandTerms.DirectToBureau.Zh,
                        Status = DemandTerms.Status(row.Status).Zh, TotalInvestment = investment, Contact = contact,
                        Receipt = version?.ReceiptNumber ?? "", SubmittedAt = version is null ? "" : version.SubmittedAt.ToChina().ToString("yyyy-MM-dd HH:mm"),
                    };
                }
            }
        }
        await MiniExcel.SaveAsAsync(path, Lines(), sheetName: sheetName,
            configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }, cancellationToken: cancellationToken);
        Documents.SpreadsheetPrintSetup.LandscapeFitToWidth(path);
        await audit.RecordNowAsync(actor, "export.summary", "Demand", "", $"{sheetName}: {number} rows", cancellationToken);
        return new File(path, number);
    }

    /// <summary>The two values the summary takes from a version, read without building the whole document.</summary>
    static (string Contact, decimal? Investment) ContactAndInvestment(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array) ? value.ToString() : null;
        return (Text("contactName") ?? Text("filingContact") ?? "", Amount(Text("totalInvestment")));
    }

    static decimal? Amount(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;


}
