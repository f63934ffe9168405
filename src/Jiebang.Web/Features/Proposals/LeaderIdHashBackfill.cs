using System.Text.Json.Nodes;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Gives the proposals saved before <see cref="ProposalModel.LeaderIdHash"/> existed their leader's hashed ID number,
/// as <see cref="SaveProposalDraft"/> keeps it at each save, so that the one-channel rule and the leader's turn at
/// submit find them: at each start, only rows without the hash and with a number in their draft are read, so
/// after the first start after an upgrade there is nothing left to do. A number that cannot be decrypted (another
/// installation's keys) is left as it is.
/// </summary>
public sealed class LeaderIdHashBackfill(JiebangDbContext db, FormRegistry forms, FormPhones personal,
    Blacklist.BlacklistIdentifiers identifiers)
{
    const int Chunk = 500;

    /// <summary>The rows it filled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        var after = 0;
        while (true)
        {
            // The draft holds the latest values (a submit makes its version from it); an empty number has no hash.
            var rows = await db.Proposals.AsNoTracking()
                .Where(p => p.Id > after && EF.Property<string?>(p, ProposalModel.LeaderIdHash) == null
                    && p.DraftJson.Contains("\"leaderIdNumber\":\"") && !p.DraftJson.Contains("\"leaderIdNumber\":\"\""))
                .OrderBy(p => p.Id).Take(Chunk)
                .Select(p => new { p.Id, p.FormKey, p.FormVersion, p.DraftJson }).ToListAsync(cancellationToken);
            if (rows.Count == 0) return filled;
            after = rows[^1].Id;
            foreach (var row in rows)
            {
                if (await forms.FormAsync(row.FormKey, row.FormVersion, cancellationToken) is not { } form) continue;
                var values = personal.Unprotect(form, JsonNode.Parse(row.DraftJson) as JsonObject ?? []);
                // Still encrypted: not readable with this installation's keys, and its hash would be of the cipher text.
                if (values["leaderIdNumber"] is JsonValue v && v.TryGetValue(out string? number) && number.StartsWith("enc:", StringComparison.Ordinal)) continue;
                if (SaveProposalDraft.LeaderIdHashOf(identifiers, values) is not { } hash || hash.Length == 0) continue;
                // Only a row still without its hash: a save meanwhile (or another instance starting) wrote it already.
                filled += await db.Proposals.Where(p => p.Id == row.Id && EF.Property<string?>(p, ProposalModel.LeaderIdHash) == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash), hash), cancellationToken);
            }
        }
    }
}
