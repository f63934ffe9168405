using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// A proposal as a Word file in its form's layout, and a filled Word file read back into its draft through
/// <see cref="SaveProposalDraft"/>, the one save path — the same writer and reader as every annex.
/// </summary>
public sealed class ProposalDocuments(ProposalQueries queries, ProposalStore store, SaveProposalDraft save,
    AnnexWordWriter writer, AnnexWordReader reader, Audit.AuditTrail audit)
{
    public async Task<Outcome<DemandDocuments.WordFile>> ExportAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var detail = await queries.DetailAsync(actor, id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var d = detail.Value!;
        var form = d.Loaded.Form;
        var name = d.Proposal.Title.Length > 0 ? $"{d.Proposal.Title}-{form.TitleZh}" : form.TitleZh;
        // The form carries names, ID numbers (masked for readers outside the unit) and contacts: every download is in the trail.
        await audit.RecordNowAsync(actor, "proposal.downloaded_word", "Proposal", id.ToString(), cancellationToken: cancellationToken);
        return new DemandDocuments.WordFile(WordImport.FileName(name), writer.Write(form, d.Values, d.Loaded.Taxonomy));
    }

    /// <summary>Reads a filled proposal form into the draft (<see cref="Filings.FilingWordImport{TFiling, TStatus, TLoaded}"/>).</summary>
    public Task<Outcome<Filings.WordImported>> ImportAsync(Actor actor, int id, Stream content, long? length,
        CancellationToken cancellationToken = default) =>
        new Filings.FilingWordImport<Proposal, ProposalStatus, ProposalStore.Loaded>(store, save, reader, audit)
            .HandleAsync(actor, id, content, length, cancellationToken);
}
