using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level uploads the stamped scan of one of its batch's documents (推荐函, 推荐汇总表, 承诺书) while the batch is a
/// draft [annex 4 §4.2]; the file is checked by its content as every upload is. A later scan of the same document replaces it.
/// </summary>
public sealed class AttachBatchScan(ProposalBatchStore store, FilingScans scans)
{
    public async Task<Outcome<FilingScans.ScanView>> HandleAsync(Actor actor, int batchId, BatchDocument document, string fileName,
        Stream content, CancellationToken cancellationToken = default)
    {
        var loaded = await store.LoadForAsync(actor, batchId, cancellationToken);
        if (!loaded.Succeeded) return loaded.Errors.ToList();
        if (!Enum.IsDefined(document)) return BatchErrors.DocumentUnknown.At("document");
        if (loaded.Value!.IsSubmitted) return BatchErrors.AlreadySubmitted.At("");
        var stored = await scans.StoreAsync(actor, nameof(ProposalBatch), batchId, document.ScanKind(), fileName, content, cancellationToken);
        if (!stored.Succeeded) return stored.Errors.ToList();
        var a = stored.Value!;
        return new FilingScans.ScanView(a.Id, a.FileName, a.ContentType, a.Size, a.PageCount, a.UploadedAt, a.Version);
    }
}
