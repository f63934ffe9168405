using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// Walks the audit trail in id order and reports the first entry whose link, ids or hash is broken:
/// the plain SHA-256 chain up to the legacy mark, the keyed chain after it, then the chain head in
/// the database and the anchor outside it. Entries not yet chained are counted as pending.
/// </summary>
public static class AuditChain
{
    public sealed record Verdict(long EntriesChecked, long? FirstBrokenId, string? Problem, long Pending = 0)
    {
        public bool IsIntact => FirstBrokenId is null;
    }

    public static async Task<Verdict> VerifyAsync(JiebangDbContext db, AuditChainFiles files, CancellationToken cancellationToken = default)
    {
        const int batch = 1000;
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AuditChainHead();
        var anchor = files.ReadAnchor();
        var key = files.ReadKey();
        var lastHash = "";
        long lastId = 0, afterId = 0, checkedCount = 0, pending = 0;
        string? anchoredHash = anchor is { LastId: 0 } ? "" : null;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId)
                .OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                afterId = entry.Id;
                if (entry.Id <= head.LegacyThroughId)
                {
                    if (entry.PreviousHash != lastHash)
                        return new Verdict(checkedCount, entry.Id, "link: the entry before it was changed or removed");
                    if (AuditHash.Of(entry) != entry.Hash)
                        return new Verdict(checkedCount, entry.Id, "hash: the entry itself was changed");
                }
                else if (!entry.IsChained)
                {
                    if (entry.Id <= head.LastId)
                        return new Verdict(checkedCount, entry.Id, "hash: an entry inside the chained part carries no hash");
                    pending++;
                    continue;
                }
                else
                {
                    if (pending > 0 || entry.Id > head.LastId)
                        return new Verdict(checkedCount, entry.Id, "head: a chained entry lies beyond the chain head");
                    if (entry.PreviousHash != lastHash)
                        return new Verdict(checkedCount, entry.Id, "link: the entry before it was changed or removed");
                    if (lastId < head.LegacyThroughId || entry.Id - lastId - 1 != entry.GapBefore)
                        return new Verdict(checkedCount, entry.Id, $"ids: entries between #{lastId} and #{entry.Id} are missing");
                    if (key is null)
                        return new Verdict(checkedCount, entry.Id, $"key: {files.KeyPath} is missing, so the keyed chain cannot be checked");
                    if (AuditHash.Keyed(key, entry) != entry.Hash)
                        return new Verdict(checkedCount, entry.Id, "hash: the entry itself was changed");
                }
                if (anchor is not null && entry.Id == anchor.LastId) anchoredHash = entry.Hash;
                (lastId, lastHash) = (entry.Id, entry.Hash);
                checkedCount++;
            }
            if (entries.Count < batch) break;
        }

        if (lastId < head.LastId || lastId < head.LegacyThroughId)
            return new Verdict(checkedCount, Math.Max(head.LastId, head.LegacyThroughId),
                $"head: the chain head names #{Math.Max(head.LastId, head.LegacyThroughId)}, the last entry is #{lastId}: entries at the end were removed");
        if (anchor is null)
            return lastId > head.LegacyThroughId
                ? new Verdict(checkedCount, lastId, $"anchor: {files.AnchorPath} is missing")
                : new Verdict(checkedCount, null, null, pending);
        if (anchor.LastId > lastId)
            return new Verdict(checkedCount, anchor.LastId,
                $"anchor: the anchor names #{anchor.LastId}, the last chained entry is #{lastId}: entries at the end were removed");
        if (anchoredHash != anchor.LastHash)
            return new Verdict(checkedCount, anchor.LastId, "anchor: the anchored entry or one before it was changed, removed or re-chained");
        return new Verdict(checkedCount, null, null, pending);
    }
}
