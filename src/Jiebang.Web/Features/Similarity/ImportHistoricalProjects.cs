using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Similarity;

/// <summary>
/// Staff bring in projects already funded (from any year or department) for 查重. The file is read
/// and every row checked first; nothing is saved until staff confirm the preview.
/// </summary>
public sealed class ImportHistoricalProjects(JiebangDbContext db, SimilarityService similarity, FileStore files, AuditTrail audit,
    TimeProvider clock)
{
    public sealed record Preview(string Token, IReadOnlyList<HistoricalProjectFile.Row> Rows)
    {
        public int Valid => Rows.Count(r => r.Errors.Count == 0);
    }

    string PathOf(string token) => Path.Combine(files.Root, "imports", token);

    public async Task<Outcome<Preview>> PreviewAsync(Actor actor, Stream content, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotActAsBureau(actor) is { } denied) return denied;
        var token = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(token))!);
        await using (var file = File.Create(PathOf(token))) await content.CopyToAsync(file, cancellationToken);
        try
        {
            return new Preview(token, HistoricalProjectFile.Read(PathOf(token), CurrentYear));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException)
        {
            File.Delete(PathOf(token));
            return SimilarityErrors.ImportUnreadable.At("file");
        }
    }

    public async Task<Outcome<int>> CommitAsync(Actor actor, string token, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotActAsBureau(actor) is { } denied) return denied;
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit) || !File.Exists(PathOf(token))) return Outcome.NotFound("token");
        var rows = HistoricalProjectFile.Read(PathOf(token), CurrentYear).Where(r => r.Errors.Count == 0).ToList();
        var now = clock.GetUtcNow();
        foreach (var row in rows)
            await similarity.IndexAsync(db, new SimilarityRecord
            {
                SourceType = DemandSimilarity.HistoricalSource, Title = row.Name, UnitName = row.Unit, Leader = row.Leader, Year = row.Year,
                Department = row.Department, Channel = row.Department, Text = row.Name + "\n" + row.Abstract, Sketch = [], IndexedAt = now,
            }, cancellationToken);
        File.Delete(PathOf(token));
        await audit.RecordNowAsync(actor, "similarity.imported", nameof(SimilarityRecord), "", $"{rows.Count} projects", cancellationToken);
        return rows.Count;
    }

    int CurrentYear => clock.GetUtcNow().Year + 1;
}
