using System.Text.Json.Nodes;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Gives the proposals saved before <see cref="ProposalModel.LeaderIdHash"/> existed their leader's hashed ID number,
/// as <see cref="SaveProposalDraft"/> keeps it at each save, so that the one-channel rule and the leader's turn at
/// submit find them. It runs at each start and reads only the rows whose hash was never worked out (null), through
/// the column's index; each row it reads gets a value, the hash, <see cref="ProposalModel.NoLeaderIdHash"/> when
/// there is no number, or <see cref="ProposalModel.UnreadableLeaderIdHash"/> when this installation's keys cannot
/// decrypt it, so that no row is read twice and a start after the first reads no proposal at all.
/// </summary>
public sealed class LeaderIdHashBackfill(JiebangDbContext db, FormRegistry forms, FormPhones personal,
    Blacklist.BlacklistIdentifiers identifiers, ILogger<LeaderIdHashBackfill> log)
{
    const int Chunk = 500;

    /// <summary>What a run did: the rows it read, of those the ones it gave a hash, and those it could not decrypt.</summary>
    public sealed record Done(int Read, int Filled, int Unreadable);

    public async Task<Done> RunAsync(CancellationToken cancellationToken = default)
    {
        var done = await FillAsync(cancellationToken);
        if (done.Unreadable > 0)
            log.LogWarning("{Count} proposals' leader ID numbers cannot be decrypted with this installation's keys: the one-channel rule " +
                "cannot compare their leader. If the keys were missing at this start, set their LeaderIdHash from '{Unreadable}' back to " +
                "null and restart.", done.Unreadable, ProposalModel.UnreadableLeaderIdHash);
        return done;
    }

    async Task<Done> FillAsync(CancellationToken cancellationToken)
    {
        var (read, filled, unreadable, after) = (0, 0, 0, 0);
        while (true)
        {
            // The draft holds the latest values (a submit makes its version from it).
            var rows = await db.Proposals.AsNoTracking()
                .Where(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash) == null && p.Id > after)
                .OrderBy(p => p.Id).Take(Chunk)
                .Select(p => new { p.Id, p.FormKey, p.FormVersion, p.DraftJson }).ToListAsync(cancellationToken);
            if (rows.Count == 0) return new(read, filled, unreadable);
            read += rows.Count;
            after = rows[^1].Id;
            foreach (var row in rows)
            {
                var hash = await HashOfAsync(row.FormKey, row.FormVersion, row.DraftJson, cancellationToken);
                // Only a row still without its hash: a save meanwhile (or another instance starting) wrote it already.
                var written = await db.Proposals.Where(p => p.Id == row.Id && EF.Property<string?>(p, ProposalModel.LeaderIdHash) == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash), hash), cancellationToken);
                if (ProposalModel.IsLeaderIdHash(hash)) filled += written;
                else if (hash == ProposalModel.UnreadableLeaderIdHash) unreadable += written;
            }
        }
    }

    /// <summary>The leader's hash of a stored draft, or the value that says why it has none.</summary>
    async Task<string> HashOfAsync(string formKey, int formVersion, string draftJson, CancellationToken cancellationToken)
    {
        // A form no longer known cannot tell which values are encrypted.
        if (await forms.FormAsync(formKey, formVersion, cancellationToken) is not { } form) return ProposalModel.NoLeaderIdHash;
        var values = personal.Unprotect(form, JsonNode.Parse(draftJson) as JsonObject ?? []);
        // Still encrypted: not readable with this installation's keys, and its hash would be of the cipher text.
        if (values["leaderIdNumber"] is JsonValue v && v.TryGetValue(out string? number) && number.StartsWith("enc:", StringComparison.Ordinal))
            return ProposalModel.UnreadableLeaderIdHash;
        return SaveProposalDraft.LeaderIdHashOf(identifiers, values) ?? ProposalModel.NoLeaderIdHash;
    }
}
