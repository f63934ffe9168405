using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A demand as a Word file in its annex's layout, the blank template of a round's form, and a filled
/// Word file read back into the draft [notice §4.3: the Word file and the stamped scan]. The import
/// ends in <see cref="SaveDemandDraft"/>, the one save path, and answers with the import report
/// beside the form's findings.
/// </summary>
public sealed class DemandDocuments(DemandQueries queries, DemandStore store, FormRegistry forms, SaveDemandDraft save,
    AnnexWordWriter writer, AnnexWordReader reader, Audit.AuditTrail audit)
{
    public sealed record WordFile(string FileName, byte[] Content)
    {
        public const string ContentType = AnnexWordWriter.ContentType;
    }

    /// <summary>The values the reader may see (the owner's draft, or the submitted version), as the annex.</summary>
    public async Task<Outcome<WordFile>> ExportAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var detail = await queries.DetailAsync(actor, id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var d = detail.Value!;
        var name = d.Demand.Title.Length > 0 ? $"{d.Demand.Title}-{d.Form.TitleZh}" : d.Form.TitleZh;
        // The form carries names and contacts: every download is in the trail.
        await audit.RecordNowAsync(actor, "demand.downloaded_word", "Demand", id.ToString(), cancellationToken: cancellationToken);
        return new WordFile(FileName(name), writer.Write(d.Form, d.Values, d.Taxonomy));
    }

    /// <summary>The blank form, with the areas of the round when one is named (the annex's own list wins).</summary>
    public async Task<Outcome<WordFile>> TemplateAsync(Actor actor, string formKey, int? roundId, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotViewRounds(actor) is { } denied) return denied;
        Data.Round? round = null;
        var version = 0;
        if (roundId is { } r)
        {
            round = await store.Db.Rounds.FirstOrDefaultAsync(x => x.Id == r, cancellationToken);
            var named = round is null ? null : FormRef.ListOf(round.Forms).FirstOrDefault(f => f.Key == formKey);
            if (named is null) return Outcome.NotFound("roundId");
            version = named.Version;
        }
        var form = await forms.FormAsync(formKey, version, cancellationToken);
        if (form is null) return Outcome.NotFound("formKey");
        var taxonomyKey = round is null ? form.Fields.FirstOrDefault(f => f.Type == FieldType.AreaDirection)?.TaxonomyKey
            : DemandStore.TaxonomyKeyOf(form, round);
        var taxonomy = taxonomyKey is null ? null : await forms.TaxonomyAsync(taxonomyKey, cancellationToken);
        return new WordFile(FileName(form.TitleZh), writer.Blank(form, taxonomy));
    }

    /// <summary>Reads a filled annex into the draft (<see cref="Filings.FilingWordImport{TFiling, TStatus, TLoaded}"/>).</summary>
    public Task<Outcome<Filings.WordImported>> ImportAsync(Actor actor, int id, Stream content, long? length,
        CancellationToken cancellationToken = default) =>
        new Filings.FilingWordImport<Demand, DemandStatus, DemandStore.Loaded>(store, save, reader, audit)
            .HandleAsync(actor, id, content, length, cancellationToken);

    static string FileName(string title) => WordImport.FileName(title);
}
