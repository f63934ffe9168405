using System.Text.Json.Nodes;
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
/// one by one and written to a temporary file, so thousands of rows never sit in memory at once.
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
        var found = await inbox.HandleAsync(actor, filter, cancellationToken);
        if (!found.Succeeded) return found.Errors.ToList();
        return await WriteAsync(actor, found.Value!.Rows, "需求汇总表", cancellationToken);
    }

    /// <summary>推荐汇总表: what a recommending unit accepted or sent in a round, to stamp and upload with its letter.</summary>
    public async Task<Outcome<File>> ForRecommenderAsync(Actor actor, int roundId, CancellationToken cancellationToken = default)
    {
        var sent = await queries.SentToMeAsync(actor, cancellationToken);
        if (!sent.Succeeded) return sent.Errors.ToList();
        var rows = sent.Value!.Where(r => r.RoundId == roundId
            && r.Status is DemandStatus.Recommended or DemandStatus.ForwardedToBureau or DemandStatus.Accepted).ToList();
        return await WriteAsync(actor, rows, "推荐汇总表", cancellationToken);
    }

    async Task<Outcome<File>> WriteAsync(Actor actor, IReadOnlyList<DemandQueries.Row> found, string sheetName, CancellationToken cancellationToken)
    {
        var ids = found.Select(r => r.Id).ToList();
        var rows = found.ToDictionary(r => r.Id);
        var recommenders = await store.Db.Units.Where(u => rows.Values.Select(r => r.RecommenderUnitId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jiebang-summary-{Guid.NewGuid():N}.xlsx");
        var number = 0;
        IEnumerable<SummaryRow> Lines()
        {
            // The latest submitted version of each demand, streamed in the inbox's order.
            foreach (var chunk in ids.Chunk(500))
            {
                var versions = store.Db.DemandVersions.AsNoTracking().Where(v => chunk.Contains(v.FilingId)).AsEnumerable()
                    .GroupBy(v => v.FilingId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
                foreach (var id in chunk)
                {
                    var row = rows[id];
                    versions.TryGetValue(id, out var version);
                    var values = version is null ? [] : JsonNode.Parse(version.ValuesJson) as JsonObject ?? [];
                    yield return new SummaryRow
                    {
                        Number = ++number, Title = row.Title, Unit = row.OwnerUnitName, County = row.County, Area = row.Area,
                        Directions = row.Directions, Kind = DemandTerms.Kind(row.Kind).Zh,
                        Recommender = row.RecommenderUnitId is { } r ? recommenders.GetValueOrDefault(r, "") : DemandTerms.DirectToBureau.Zh,
                        Status = DemandTerms.Status(row.Status).Zh, TotalInvestment = Amount(values["totalInvestment"]),
                        Contact = values["contactName"]?.ToString() ?? values["filingContact"]?.ToString() ?? "",
                        Receipt = version?.ReceiptNumber ?? "", SubmittedAt = version is null ? "" : version.SubmittedAt.ToChina().ToString("yyyy-MM-dd HH:mm"),
                    };
                }
            }
        }
        await MiniExcel.SaveAsAsync(path, Lines(), sheetName: sheetName,
            configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }, cancellationToken: cancellationToken);
        Documents.SpreadsheetPrintSetup.LandscapeFitToWidth(path);
        await audit.RecordNowAsync(actor, "export.summary", "Demand", "", $"{sheetName}: {ids.Count} rows", cancellationToken);
        return new File(path, ids.Count);
    }

    static decimal? Amount(JsonNode? node) =>
        decimal.TryParse(node?.ToString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;


}
