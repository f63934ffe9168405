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
    public sealed record Imported(int Id, DateTimeOffset SavedAt, WordImport Import, IReadOnlyList<RuleError> Findings);

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

    public async Task<Outcome<Imported>> ImportAsync(Actor actor, int id, Stream content, long? length, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        if (length > reader.MaxBytes) return DocxPackage.TooLarge(reader.MaxBytes);
        var read = await reader.ReadAsync(content, loaded.Form, loaded.Taxonomy, cancellationToken);
        if (!read.Succeeded) return read.Errors.ToList();
        var import = read.Value!;
        // One unit of work: the draft and the audit entry of the import.
        var saved = await store.Db.InOneTransactionAsync(async () =>
        {
            var draft = await save.HandleAsync(actor, id, new SaveProposalDraft.Input
            {
                Values = import.MergedInto(loaded.Draft), RecommenderUnitId = loaded.Proposal.RecommenderUnitId,
            }, cancellationToken);
            if (draft.Succeeded)
                await audit.RecordNowAsync(actor, "proposal.imported_word", "Proposal", id.ToString(),
                    $"{import.With(ImportStatus.Found).Count()} fields read", cancellationToken);
            return draft;
        }, cancellationToken);
        if (!saved.Succeeded) return saved.Errors.ToList();
        return new Imported(id, saved.Value!.SavedAt, import, saved.Value.Findings);
    }
}
