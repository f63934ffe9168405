using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.Similarity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Re-checks the saved draft on the server with the same findings as while typing, freezes it as a
/// version with a receipt, and compares it (查重) with demands, earlier proposals and funded projects
/// [annex 4 §3.1.3]. A double submit makes one version, as for every filing.
/// </summary>
public sealed class SubmitProposal(ProposalStore store, AuditTrail audit, TimeProvider clock, DemandSimilarity similarity)
{
    public sealed record Receipt(int ProposalId, int Version, string ReceiptNumber, DateTimeOffset SubmittedAt, string SubmittedAtChina,
        IReadOnlyList<SubmitDemand.SimilarNotice> Similar);

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
            return loaded?.Proposal.LatestVersion is { } v ? ReceiptOf(loaded.Proposal, v, []) : throw new InvalidOperationException("submit lost");
        }
    }

    /// <summary>A new version to index after its commit, or the receipt of the one a double submit already made.</summary>
    sealed record Submitted(ProposalStore.Loaded Loaded, FilingVersion<ProposalStatus> Version, bool IsNew);

    async Task<Outcome<Receipt>> TrySubmitAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var owner = await store.Db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.OwnerUnitId)
            .FirstOrDefaultAsync(cancellationToken);
        var outcome = await store.Db.InOneTransactionAsync(async () =>
        {
            // A unit's submits take turns, and each loads its rules' facts after the one before committed: the
            // one-channel rule [annex 4 §3.1.1] reads the unit's other proposals, and two submitted at once
            // through two recommending units must not both find the other still a draft.
            if (owner is { } unitId) await TakeUnitsTurnAsync(unitId, cancellationToken);
            return await SubmitInTurnAsync(actor, id, cancellationToken);
        }, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var (loaded, version, isNew) = outcome.Value!;
        if (!isNew) return ReceiptOf(loaded.Proposal, version, []);
        var similar = await IndexAsync(loaded, version, cancellationToken);
        return ReceiptOf(loaded.Proposal, version, similar.Select(s => new SubmitDemand.SimilarNotice(s.Score, s.SameUnit, s.OtherChannel,
            s.SameUnit ? s.Title : null)).ToList());
    }

    async Task<Outcome<Submitted>> SubmitInTurnAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var proposal = loaded.Proposal;
        var findings = loaded.Findings(loaded.Draft);
        var versionsBefore = proposal.Versions.Count;
        var before = proposal.Status;
        if (proposal.Submit(loaded.Window, findings, actor.AsFiler(), clock.GetUtcNow()) is { } refused)
            return refused.Code == "PROPOSAL_HAS_ERRORS" ? findings.Where(f => f.IsError).ToList() : refused;
        if (proposal.Versions.Count == versionsBefore) return new Submitted(loaded, proposal.LatestVersion!, IsNew: false);

        var version = proposal.LatestVersion!;
        audit.Record(actor, "proposal.submitted", nameof(Proposal), id.ToString(), new { Status = before },
            new { proposal.Status, version = version.Number, receipt = version.ReceiptNumber, proposal.RecommenderUnitId });
        await store.Db.SaveChangesAsync(cancellationToken);
        return new Submitted(loaded, version, IsNew: true);
    }

    /// <summary>
    /// Waits until no other transaction holds the unit's turn: its row locked on PostgreSQL; on SQLite the
    /// transaction itself is the one writer (BEGIN IMMEDIATE).
    /// </summary>
    async Task TakeUnitsTurnAsync(int unitId, CancellationToken cancellationToken)
    {
        if (store.Db.Database.IsNpgsql())
            await store.Db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Units" WHERE "Id" = {unitId} FOR UPDATE""")
                .ToListAsync(cancellationToken);
    }

    async Task<IReadOnlyList<DemandSimilarity.Similar>> IndexAsync(ProposalStore.Loaded loaded, FilingVersion<ProposalStatus> version,
        CancellationToken cancellationToken)
    {
        var proposal = loaded.Proposal;
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == proposal.OwnerUnitId, cancellationToken);
        var values = store.Values(loaded.Form, version.ValuesJson);
        return await similarity.IndexAndFlagAsync(new SimilarityRecord
        {
            SourceType = DemandSimilarity.ProposalSource, SourceId = proposal.Id, Title = proposal.Title, UnitName = unit.Name,
            UnitId = unit.Id, Leader = values["leaderName"]?.ToString() ?? "", Year = loaded.Round.OpensAt.Year,
            Channel = $"recommender:{proposal.RecommenderUnitId}", Text = FilingText.Of(loaded.Form, values), Sketch = [],
            IndexedAt = clock.GetUtcNow(),
        }, loaded.Round, cancellationToken);
    }

    static Receipt ReceiptOf(Proposal proposal, FilingVersion<ProposalStatus> v, IReadOnlyList<SubmitDemand.SimilarNotice> similar) =>
        new(proposal.Id, v.Number, v.ReceiptNumber, v.SubmittedAt, Domain.Rounds.ChinaTime.Format(v.SubmittedAt), similar);
}
