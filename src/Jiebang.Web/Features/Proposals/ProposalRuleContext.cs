using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Blacklist;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// What the annex-4 rules read beside a proposal's values, loaded with the proposal: its owner unit, the
/// round's settings and county lists, the blacklist entries and the round's other proposals that concern
/// the identifiers the proposal holds. Blacklist entries and other proposals are looked up by keyed hash
/// (<see cref="BlacklistIdentifiers.Hash"/>), so no stored ID number is decrypted; each identifier is looked
/// up once per load. Values with identifiers the load did not see (a number just typed) are looked up
/// first with <see cref="PrepareAsync"/>; <see cref="Check"/> looks up what is still missing itself.
/// </summary>
public sealed class ProposalRuleContext
{
    /// <summary>Another proposal of the round as the one-channel rule needs it, its leader only as a hash.</summary>
    sealed record Other(int Id, string Title, string UnitUscc, string? LeaderIdHash, int? RecommenderUnitId, DateTimeOffset? SubmittedAt);

    readonly JiebangDbContext db;
    readonly BlacklistIdentifiers identifiers;
    readonly Proposal proposal;
    readonly GuidelineItem? item;
    readonly ProposalRoundParameters round;
    readonly bool hasRetirementLetterField;
    readonly List<Other> sameUnit;
    readonly Dictionary<string, List<BlacklistRecord>> blacklist = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Other>> byLeader = new(StringComparer.Ordinal);

    ProposalRuleContext(JiebangDbContext db, BlacklistIdentifiers identifiers, Proposal proposal, GuidelineItem? item, Unit owner,
        ProposalRoundParameters round, FormDefinition form, List<Other> sameUnit)
    {
        (this.db, this.identifiers, this.proposal, this.item, Owner, this.round, this.sameUnit) = (db, identifiers, proposal, item, owner, round, sameUnit);
        hasRetirementLetterField = form.Fields.Any(f => f.Key == "retirementCommitmentLetter");
    }

    /// <summary>The unit that files the proposal, as registered.</summary>
    public Unit Owner { get; }

    public static async Task<ProposalRuleContext> LoadAsync(JiebangDbContext db, BlacklistIdentifiers identifiers, RegionListCache regions,
        Proposal proposal, GuidelineItem? item, Round round, FormDefinition form, IEnumerable<JsonObject> values, CancellationToken cancellationToken)
    {
        var owner = await db.Units.AsNoTracking().FirstAsync(u => u.Id == proposal.OwnerUnitId, cancellationToken);
        var parameters = new ProposalRoundParameters(round.Settings, await regions.GetAsync(db, cancellationToken));
        var sameUnit = await Described(db, Candidates(db, proposal).Where(p => p.OwnerUnitId == proposal.OwnerUnitId))
            .ToListAsync(cancellationToken);
        var context = new ProposalRuleContext(db, identifiers, proposal, item, owner, parameters, form, sameUnit);
        foreach (var v in values) await context.PrepareAsync(v, cancellationToken);
        return context;
    }

    /// <summary>Looks up what these values' identifiers need and this load has not looked up yet.</summary>
    public async Task PrepareAsync(JsonObject values, CancellationToken cancellationToken)
    {
        var (entryHashes, leaderHash) = Missing(Facts(values));
        if (entryHashes.Count > 0)
            Keep(entryHashes, await db.BlacklistEntries.AsNoTracking().Where(r => entryHashes.Contains(r.IdentifierHash)).ToListAsync(cancellationToken));
        if (leaderHash is not null)
            byLeader[leaderHash] = await OthersLedBy(leaderHash).ToListAsync(cancellationToken);
    }

    /// <summary>The rules' findings on these values, named as the rules name their facts.</summary>
    public IReadOnlyList<RuleError> Check(JsonObject values, DateOnly today)
    {
        var facts = Facts(values);
        var (entryHashes, leaderHash) = Missing(facts);
        // Values the caller did not prepare: looked up here, once.
        if (entryHashes.Count > 0) Keep(entryHashes, db.BlacklistEntries.AsNoTracking().Where(r => entryHashes.Contains(r.IdentifierHash)).ToList());
        if (leaderHash is not null) byLeader[leaderHash] = OthersLedBy(leaderHash).ToList();
        return ProposalRules.Check(facts, round with { Blacklist = EntriesFor(facts), OtherProposals = OthersFor(facts) }, today);
    }

    ProposalFacts Facts(JsonObject values) => ProposalRuleInputs.Facts(proposal, item, Owner, values, hasRetirementLetterField);

    static IEnumerable<(BlacklistIdentifierKind Kind, string Id)> Identifiers(ProposalFacts facts) =>
        new (BlacklistIdentifierKind Kind, string? Id)[] { (BlacklistIdentifierKind.Uscc, facts.UnitUscc), (BlacklistIdentifierKind.ResidentId, facts.Leader.IdNumber) }
            .Concat(facts.Partners.Select(p => (Kind: BlacklistIdentifierKind.Uscc, Id: p.Uscc)))
            .Concat(facts.Team.Select(t => (Kind: BlacklistIdentifierKind.ResidentId, Id: t.IdNumber)))
            .Where(i => !string.IsNullOrWhiteSpace(i.Id)).Select(i => (i.Kind, Id: i.Id!));

    string? LeaderHash(ProposalFacts facts) => string.IsNullOrWhiteSpace(facts.Leader.IdNumber) ? null
        : identifiers.Hash(BlacklistIdentifierKind.ResidentId, facts.Leader.IdNumber);

    (List<string> EntryHashes, string? LeaderHash) Missing(ProposalFacts facts)
    {
        var hashes = Identifiers(facts).Select(i => identifiers.Hash(i.Kind, i.Id)).Distinct().Where(h => !blacklist.ContainsKey(h)).ToList();
        var leader = LeaderHash(facts);
        return (hashes, leader is not null && !byLeader.ContainsKey(leader) ? leader : null);
    }

    void Keep(List<string> hashes, List<BlacklistRecord> records)
    {
        foreach (var hash in hashes) blacklist[hash] = records.Where(r => r.IdentifierHash == hash).ToList();
    }

    /// <summary>Each stored entry that names one of the proposal's identifiers, as a domain entry for that identifier.</summary>
    List<BlacklistEntry> EntriesFor(ProposalFacts facts) =>
        [.. Identifiers(facts).SelectMany(i => blacklist.GetValueOrDefault(identifiers.Hash(i.Kind, i.Id)) ?? [])
            .DistinctBy(r => r.Id)
            .Select(r => new BlacklistEntry(r.Kind, Identifiers(facts).First(i => identifiers.Hash(i.Kind, i.Id) == r.IdentifierHash).Id,
                r.Name, r.Source, r.ListedOn, r.ExpiresOn))];

    /// <summary>
    /// The round's other proposals of the same unit or the same leader. A leader's number is known only as a
    /// hash: an equal hash gives the other proposal this proposal's number, any other hash none.
    /// </summary>
    List<OtherProposal> OthersFor(ProposalFacts facts)
    {
        var leader = LeaderHash(facts);
        var others = leader is null ? sameUnit : sameUnit.Concat(byLeader.GetValueOrDefault(leader) ?? []).DistinctBy(o => o.Id);
        return [.. others.Select(o => new OtherProposal(o.Id, o.Title, o.UnitUscc, leader is not null && o.LeaderIdHash == leader ? facts.Leader.IdNumber : null,
            o.RecommenderUnitId, o.SubmittedAt))];
    }

    IQueryable<Other> OthersLedBy(string leaderHash) =>
        Described(db, Candidates(db, proposal).Where(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash) == leaderHash));

    /// <summary>The other proposals of the round that went to a recommending unit and were not withdrawn or turned down.</summary>
    static IQueryable<Proposal> Candidates(JiebangDbContext db, Proposal proposal) =>
        db.Proposals.AsNoTracking().Where(p => p.RoundId == proposal.RoundId && p.Id != proposal.Id && p.SubmittedAt != null
            && p.Status != ProposalStatus.Withdrawn && p.Status != ProposalStatus.Rejected);

    static IQueryable<Other> Described(JiebangDbContext db, IQueryable<Proposal> proposals) =>
        from p in proposals
        join u in db.Units on p.OwnerUnitId equals u.Id
        select new Other(p.Id, p.Title, u.Uscc, EF.Property<string?>(p, ProposalModel.LeaderIdHash), p.RecommenderUnitId, p.SubmittedAt);
}
