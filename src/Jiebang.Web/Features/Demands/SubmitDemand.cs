using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// Re-checks the saved draft on the server with the same rules as while typing and freezes it as
/// a version with a receipt. A double submit makes one version: the domain returns the existing
/// one, and a concurrent twin fails on the unique version number or the concurrency stamp.
/// </summary>
public sealed class SubmitDemand(DemandStore store, AuditTrail audit, TimeProvider clock, Similarity.DemandSimilarity similarity)
{
    /// <summary>The receipt, and how much of what was filed resembles records already known (查重).</summary>
    public sealed record Receipt(int DemandId, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string SubmittedAtChina,
        IReadOnlyList<SimilarNotice> Similar);

    /// <summary>What the filer is told: the score, and the title only of their own unit's records.</summary>
    public sealed record SimilarNotice(double Score, bool SameUnit, bool OtherChannel, string? OwnTitle);

    public async Task<Outcome<Receipt>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TrySubmitAsync(actor, id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The twin request won; answer with the version it made.
            store.Db.ChangeTracker.Clear();
            var loaded = await store.LoadAsync(id, cancellationToken);
            return loaded?.Demand.LatestVersion is { } v ? ReceiptOf(loaded.Demand, v, []) : throw new InvalidOperationException("submit lost");
        }
    }

    async Task<Outcome<Receipt>> TrySubmitAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var demand = loaded.Demand;
        var findings = loaded.Findings(loaded.Draft);
        var versionsBefore = demand.Versions.Count;
        if (demand.Submit(loaded.Window, findings, actor.AsFiler(), clock.GetUtcNow()) is { } refused)
            return refused.Is(DemandErrors.Filing.HasErrors) ? findings.Where(f => f.IsError).ToList() : refused;
        if (demand.Versions.Count == versionsBefore) return ReceiptOf(demand, demand.LatestVersion!, []);

        audit.Record(actor, "demand.submitted", nameof(Demand), id.ToString(),
            after: new { demand.Status, version = demand.LatestVersion!.Number, receipt = demand.LatestVersion.ReceiptNumber });
        await store.Db.SaveChangesAsync(cancellationToken);
        var similar = await similarity.IndexSubmittedAsync(loaded, cancellationToken);
        return ReceiptOf(demand, demand.LatestVersion!, similar.Select(s => new SimilarNotice(s.Score, s.SameUnit, s.OtherChannel,
            s.SameUnit ? s.Title : null)).ToList());
    }

    static Receipt ReceiptOf(Demand demand, FilingVersion<DemandStatus> v, IReadOnlyList<SimilarNotice> similar) =>
        new(demand.Id, v.Number, v.ReceiptNumber, v.SubmittedAt, Domain.Rounds.ChinaTime.Format(v.SubmittedAt), similar);
}
