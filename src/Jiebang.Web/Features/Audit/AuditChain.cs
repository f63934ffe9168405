using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Audit;

/// <summary>Walks the audit trail in order and reports the first entry whose hash or link is broken.</summary>
public static class AuditChain
{
    public sealed record Verdict(long EntriesChecked, long? FirstBrokenId, string? Problem)
    {
        public bool IsIntact => FirstBrokenId is null;
    }

    public static async Task<Verdict> VerifyAsync(JiebangDbContext db, CancellationToken cancellationToken = default)
    {
        const int batch = 1000;
        var previousHash = "";
        long checkedCount = 0, afterId = 0;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId)
                .OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (entry.PreviousHash != previousHash)
                    return new Verdict(checkedCount, entry.Id, "link: the entry before it was changed or removed");
                if (AuditHash.Of(entry) != entry.Hash)
                    return new Verdict(checkedCount, entry.Id, "hash: the entry itself was changed");
                previousHash = entry.Hash;
                checkedCount++;
            }
            if (entries.Count < batch) return new Verdict(checkedCount, null, null);
            afterId = entries[^1].Id;
        }
    }
}
