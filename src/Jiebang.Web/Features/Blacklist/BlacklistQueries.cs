using Jiebang.Domain.Integrity;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Blacklist;

/// <summary>The blacklist as staff see it (ID numbers masked), and the lookup the proposal rules need.</summary>
public sealed class BlacklistQueries(JiebangDbContext db, BlacklistIdentifiers identifiers)
{
    public sealed record Item(long Id, BlacklistIdentifierKind Kind, string Identifier, string Name, string Source,
        DateOnly ListedOn, DateOnly? ExpiresOn);

    public async Task<Outcome<IReadOnlyList<Item>>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageBlacklist(actor) is { } denied) return denied;
        var items = await db.BlacklistEntries.AsNoTracking().OrderByDescending(r => r.Id).Take(500)
            .Select(r => new Item(r.Id, r.Kind, r.IdentifierShown, r.Name, r.Source, r.ListedOn, r.ExpiresOn))
            .ToListAsync(cancellationToken);
        return items;
    }

    /// <summary>
    /// The entries that name any of these identifiers, whatever their dates, as domain entries for
    /// <c>ProposalRules.Check</c> (which decides whether each is in force). The identifier of each is the
    /// one asked about, so no stored number is decrypted.
    /// </summary>
    public async Task<IReadOnlyList<BlacklistEntry>> FindAsync(IEnumerable<(BlacklistIdentifierKind Kind, string Identifier)> wanted,
        CancellationToken cancellationToken = default)
    {
        var byHash = wanted.Where(w => !string.IsNullOrWhiteSpace(w.Identifier))
            .GroupBy(w => identifiers.Hash(w.Kind, w.Identifier)).ToDictionary(g => g.Key, g => g.First());
        if (byHash.Count == 0) return [];
        var hashes = byHash.Keys.ToList();
        var records = await db.BlacklistEntries.AsNoTracking().Where(r => hashes.Contains(r.IdentifierHash)).ToListAsync(cancellationToken);
        return records.Select(r => new BlacklistEntry(r.Kind, BlacklistEntry.NormalizeIdentifier(r.Kind, byHash[r.IdentifierHash].Identifier),
            r.Name, r.Source, r.ListedOn, r.ExpiresOn)).ToList();
    }
}
