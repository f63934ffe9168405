using Jiebang.Domain.Similarity;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Similarity;

/// <summary>
/// The process's 查重 index, built from the sketches kept in the database the first time it is
/// needed (seconds even for large corpora: no text is re-sketched), and kept current as records
/// are indexed. Candidates are confirmed against the stored texts before anyone sees them.
/// </summary>
public sealed class SimilarityService(IServiceScopeFactory scopes)
{
    readonly SharedCatchUp<SimilarityIndex> _catchUp = new();
    SimilarityIndex? _index;
    DateTimeOffset _syncedUpTo = DateTimeOffset.MinValue;

    // What this process put in the index at or after _syncedUpTo, by record: a row read back unchanged
    // is not added again, which would count its fingerprints twice in the boilerplate statistics until
    // the next merge. Older entries are dropped: the catch-up never reads rows before _syncedUpTo.
    readonly Dictionary<long, DateTimeOffset> _indexedAt = [];

    // PostgreSQL keeps microseconds; .NET has ticks of 100 ns.
    static bool SameMicrosecond(DateTimeOffset a, DateTimeOffset b) => a.UtcTicks / 10 == b.UtcTicks / 10;

    /// <summary>A confirmed record; <paramref name="Flagged"/> when it reaches the round's score threshold or shares a long enough passage.</summary>
    public sealed record Found(SimilarityRecord Record, Match Match, bool Flagged);

    /// <summary>What a round reports: a score of at least the threshold, or a shared passage of at least so many 字 (0: none).</summary>
    public sealed record Flagging(double Threshold, int PassageChars);

    /// <summary>The index, caught up with what other instances of the app wrote since the last look.</summary>
    public Task<SimilarityIndex> IndexAsync(CancellationToken cancellationToken = default) => _catchUp.RunAsync(CatchUpAsync, cancellationToken);

    async Task<SimilarityIndex> CatchUpAsync(CancellationToken cancellationToken)
    {
        // Other instances of the app index too: catch up with what they wrote since the last look.
        var index = _index ?? new SimilarityIndex();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var since = _syncedUpTo;
        var stale = new List<long>();
        // ">=": another instance may have written a record in the same tick as the last one seen.
        await foreach (var row in db.SimilarityRecords.AsNoTracking().Where(r => r.IndexedAt >= since)
                           .Select(r => new { r.Id, r.Sketch, r.IndexedAt }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.IndexedAt > _syncedUpTo) _syncedUpTo = row.IndexedAt;
            lock (_indexedAt)
            {
                if (_indexedAt.TryGetValue(row.Id, out var at) && SameMicrosecond(at, row.IndexedAt)) continue;
                _indexedAt[row.Id] = row.IndexedAt;
            }
            var sketch = TextSketch.FromBytes(row.Sketch);
            if (sketch.HasPassagesFor(index.Settings)) index.Add(row.Id, sketch);
            else stale.Add(row.Id);
        }
        await ResketchAsync(db, index, stale, cancellationToken);
        lock (_indexedAt)
            foreach (var (id, _) in _indexedAt.Where(e => e.Value.UtcTicks / 10 < _syncedUpTo.UtcTicks / 10).ToList())
                _indexedAt.Remove(id);
        if (_index is null) index.Compact();
        return _index = index;
    }

    /// <summary>
    /// Sketches again, from their texts, the records whose sketch an older version saved without passage
    /// n-grams (which find a short copied passage) or with n-grams of another length or spacing, saves the new
    /// sketches and indexes them: once, at the first start after an upgrade.
    /// </summary>
    static async Task ResketchAsync(JiebangDbContext db, SimilarityIndex index, List<long> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(500))
        {
            var records = await db.SimilarityRecords.Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken);
            foreach (var record in records)
            {
                var sketch = TextSketch.Of(record.Text, index.Settings);
                record.Sketch = sketch.ToBytes();
                index.Add(record.Id, sketch);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Adds or replaces the record of a source (a demand's latest version, a historical project).</summary>
    public async Task<SimilarityRecord> IndexAsync(JiebangDbContext db, SimilarityRecord record, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(cancellationToken);
        var existing = record.SourceId is null ? null : await db.SimilarityRecords
            .FirstOrDefaultAsync(r => r.SourceType == record.SourceType && r.SourceId == record.SourceId, cancellationToken);
        var sketch = TextSketch.Of(record.Text, index.Settings);
        if (existing is null)
        {
            record.Sketch = sketch.ToBytes();
            db.SimilarityRecords.Add(record);
            existing = record;
        }
        else
        {
            (existing.Title, existing.UnitName, existing.UnitId, existing.Leader, existing.Year, existing.Department, existing.Channel,
                existing.Text, existing.Sketch, existing.IndexedAt) = (record.Title, record.UnitName, record.UnitId, record.Leader,
                record.Year, record.Department, record.Channel, record.Text, sketch.ToBytes(), record.IndexedAt);
        }
        await db.SaveChangesAsync(cancellationToken);
        lock (_indexedAt) _indexedAt[existing.Id] = existing.IndexedAt;
        index.Add(existing.Id, sketch);
        return existing;
    }

    /// <summary>
    /// The records like <paramref name="text"/>, confirmed by alignment: every flagged one, best first, then
    /// the nearest others up to <paramref name="top"/> in all, for a reviewer to judge what the rule did not decide.
    /// </summary>
    public async Task<IReadOnlyList<Found>> SimilarToAsync(JiebangDbContext db, string text, Flagging flagging, long? exceptRecordId,
        int top = 10, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(cancellationToken);
        // All candidates, not only those above the threshold on the sketch: a reused paragraph scores
        // low there and high once aligned (see SimilarityIndex.Candidates and Confirm).
        var candidates = index.Candidates(TextSketch.ForQuery(text, index.Settings), index.Settings.Candidates + 1)
            .Where(m => m.Id != exceptRecordId).Take(index.Settings.Candidates).ToList();
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.Id).ToList();
        var records = await db.SimilarityRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var found = candidates.Where(c => records.ContainsKey(c.Id))
            .Select(c => index.Confirm(c, text, records[c.Id].Text))
            .Select(m => new Found(records[m.Id], m, m.IsFlagged(flagging.Threshold, flagging.PassageChars)))
            .OrderByDescending(f => f.Flagged).ThenByDescending(f => f.Match.Score).ThenByDescending(f => f.Match.Passage).ToList();
        return [.. found.Where(f => f.Flagged), .. found.Where(f => !f.Flagged && f.Match.Score > 0).Take(Math.Max(0, top - found.Count(f => f.Flagged)))];
    }

    public async Task<IReadOnlyList<EvidenceSpan>> EvidenceAsync(string a, string b, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).Evidence(a, b);

    /// <summary>Forgets the in-memory index; the next use rebuilds it from the database.</summary>
    public void Reset()
    {
        _index = null;
        _syncedUpTo = DateTimeOffset.MinValue;
    }
}
