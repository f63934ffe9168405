using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// Freezes a demand's saved draft as a version with a receipt (<see cref="SubmitFiling{TFiling, TStatus, TLoaded}"/>),
/// then compares it with the records already known (查重).
/// </summary>
public sealed class SubmitDemand(DemandStore store, AuditTrail audit, TimeProvider clock, Similarity.DemandSimilarity similarity)
    : SubmitFiling<Demand, DemandStatus, DemandStore.Loaded>(store, clock)
{
    /// <summary>The receipt, and how much of what was filed resembles records already known (查重).</summary>
    public sealed record Receipt(int DemandId, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string SubmittedAtChina,
        IReadOnlyList<SimilarNotice> Similar);

    /// <summary>What the filer is told: the score, and the title only of their own unit's records.</summary>
    public sealed record SimilarNotice(double Score, bool SameUnit, bool OtherChannel, string? OwnTitle)
    {
        public static IReadOnlyList<SimilarNotice> Of(IEnumerable<Similarity.DemandSimilarity.Similar> similar) =>
            similar.Select(s => new SimilarNotice(s.Score, s.SameUnit, s.OtherChannel, s.SameUnit ? s.Title : null)).ToList();
    }

    public Task<Outcome<Receipt>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken = default) =>
        OnceAsync(id, async () =>
        {
            var submitted = await SubmitLoadedAsync(actor, id, cancellationToken);
            if (!submitted.Succeeded) return submitted.Errors.ToList();
            var (loaded, version, isNew) = submitted.Value!;
            return ReceiptOf(loaded.Demand, version, isNew ? SimilarNotice.Of(await similarity.IndexSubmittedAsync(loaded, cancellationToken)) : []);
        }, (demand, version) => ReceiptOf(demand, version, []), cancellationToken);

    protected override void Audit(Actor actor, Demand demand, DemandStatus before, FilingVersion<DemandStatus> version) =>
        audit.Record(actor, "demand.submitted", nameof(Demand), demand.Id.ToString(),
            after: new { demand.Status, version = version.Number, receipt = version.ReceiptNumber });

    static Receipt ReceiptOf(Demand demand, FilingVersion<DemandStatus> v, IReadOnlyList<SimilarNotice> similar) =>
        new(demand.Id, v.Number, v.ReceiptNumber, v.SubmittedAt, Domain.Rounds.ChinaTime.Format(v.SubmittedAt), similar);
}
