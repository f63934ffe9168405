using System.Diagnostics;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// Links audit entries into the keyed chain after their business transactions committed, in id
/// order and in batches, so that no business transaction waits for another's entry. One chainer
/// at a time holds the chain head (<c>SELECT … FOR UPDATE</c> on PostgreSQL, the write lock on
/// SQLite); business transactions never touch it.
/// <para>
/// Ids come from the table's identity, handed out before commit: a lower id can commit after a
/// higher one, and a rolled-back transaction leaves a gap for good. The chainer never links past a
/// missing id until the gap is final: seen for <c>Audit:GapGraceSeconds</c> and, on PostgreSQL,
/// every transaction that was running when it was seen has ended
/// (<c>pg_snapshot_xmin</c> has passed the <c>pg_snapshot_xmax</c> noted then). The next entry
/// then records the gap's size under its HMAC, so a later deletion is still detected.
/// </para>
/// </summary>
public sealed class AuditChainer(IServiceScopeFactory scopes, AuditChainFiles files, IConfiguration configuration,
    ILogger<AuditChainer> logger)
{
    public const int BatchSize = 500;

    readonly SemaphoreSlim _oneAtATime = new(1, 1);
    readonly TimeSpan _gapGrace = TimeSpan.FromSeconds(configuration.GetValue("Audit:GapGraceSeconds", 2.0));
    GapWatch? _gap;

    sealed record GapWatch(long FirstMissingId, long SeenAt, long? XmaxAfterSeen);

    public sealed record Pass(int Chained, bool MorePending);

    /// <summary>Chains what can be chained now, up to one batch.</summary>
    public async Task<Pass> ChainOnceAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ChainBatchAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Chains until every committed entry is chained, waiting out gaps until they are final: for
    /// tests and tools that read the chain right after writing (at most <paramref name="timeout"/>, 30 s by default).
    /// </summary>
    public async Task<int> ChainPendingAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds * Stopwatch.Frequency);
        var total = 0;
        while (true)
        {
            var pass = await ChainOnceAsync(cancellationToken);
            total += pass.Chained;
            if (!pass.MorePending) return total;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"Audit entries are still waiting to be chained after {timeout ?? TimeSpan.FromSeconds(30)}.");
            if (pass.Chained == 0) await Task.Delay(100, cancellationToken);
        }
    }

    async Task<Pass> ChainBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var postgres = db.Database.IsNpgsql();
        var seenHead = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (seenHead is not null && files.ReadAnchor() is not null
            && !await db.AuditEntries.AnyAsync(a => a.Id > seenHead.LastId, cancellationToken))
            return new Pass(0, false);
        // Taken before the chainer's own transaction has an id of its own.
        var snapshot = postgres ? await SnapshotAsync(db, cancellationToken) : default;
        if (_gap is { XmaxAfterSeen: null } seen && postgres) _gap = seen with { XmaxAfterSeen = snapshot.Xmax };

        var key = files.ReadOrCreateKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await db.AuditChainHeads
            .FromSqlRaw(postgres ? """SELECT * FROM "AuditChainHeads" WHERE "Id" = 1 FOR UPDATE""" : """SELECT * FROM "AuditChainHeads" WHERE "Id" = 1""")
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            head = new AuditChainHead();
            db.AuditChainHeads.Add(head);
        }
        var entries = await db.AuditEntries.Where(a => a.Id > head.LastId).OrderBy(a => a.Id)
            .Take(BatchSize).ToListAsync(cancellationToken);
        var chained = 0;
        var blocked = false;
        foreach (var entry in entries)
        {
            var gap = entry.Id - head.LastId - 1;
            if (gap > 0 && !GapIsFinal(head.LastId + 1, postgres, snapshot.Xmin))
            {
                blocked = true;
                break;
            }
            if (gap > 0) logger.LogInformation("Audit ids {From}–{To} never committed; recorded as a gap before #{Id}.", head.LastId + 1, entry.Id - 1, entry.Id);
            entry.GapBefore = (int)gap;
            entry.PreviousHash = head.LastHash;
            entry.Hash = AuditHash.Keyed(key, entry);
            (head.LastId, head.LastHash) = (entry.Id, entry.Hash);
            chained++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (chained > 0 || files.ReadAnchor() is null)
            files.WriteAnchor(new AuditChainFiles.Anchor(head.LastId, head.LastHash, DateTimeOffset.UtcNow));
        return new Pass(chained, blocked || entries.Count == BatchSize);
    }

    bool GapIsFinal(long firstMissingId, bool postgres, long xminNow)
    {
        if (_gap?.FirstMissingId != firstMissingId)
        {
            _gap = new GapWatch(firstMissingId, Stopwatch.GetTimestamp(), null);
            return false;
        }
        if (Stopwatch.GetElapsedTime(_gap.SeenAt) < _gapGrace) return false;
        if (postgres && (_gap.XmaxAfterSeen is not { } xmax || xminNow < xmax)) return false;
        _gap = null;
        return true;
    }

    static async Task<(long Xmin, long Xmax)> SnapshotAsync(JiebangDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Database.SqlQueryRaw<SnapshotRow>(
                """SELECT pg_snapshot_xmin(s)::text::bigint AS "Xmin", pg_snapshot_xmax(s)::text::bigint AS "Xmax" FROM pg_current_snapshot() AS s""")
            .SingleAsync(cancellationToken);
        return (row.Xmin, row.Xmax);
    }

    sealed record SnapshotRow(long Xmin, long Xmax);
}
