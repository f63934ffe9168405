using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// A file for an attachment field of a draft (annex 2: 企业简介 may run to attached pages). The file
/// is checked and stored like a scan; the field's value becomes its id through the draft's one save path.
/// </summary>
public sealed class AttachToField(DemandStore store, DemandScans scans, SaveDemandDraft save)
{
    public async Task<Outcome<long>> HandleAsync(Actor actor, int demandId, string fieldKey, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, demandId, DemandAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        if (!loaded.Demand.IsEditable) return Domain.Demands.Demand.Lifecycle.NotEditable(loaded.Demand);
        if (loaded.Form.Field(fieldKey) is not { Type: FieldType.Attachment }) return Outcome.NotFound("field");

        // One unit of work: the file's row, its audit entry and the draft naming it.
        return await store.Db.InOneTransactionAsync<long>(async () =>
        {
            var stored = await scans.StoreAsync(actor, demandId, "field:" + fieldKey, fileName, content, cancellationToken);
            if (!stored.Succeeded) return stored.Errors.Select(e => e with { Field = fieldKey }).ToList();
            var attachment = stored.Value!;
            var values = loaded.Draft;
            values[fieldKey] = attachment.Id.ToString();
            var saved = await save.HandleAsync(actor, demandId, new SaveDemandDraft.Input
            {
                Values = values, Kind = loaded.Demand.Kind, RecommenderUnitId = loaded.Demand.RecommenderUnitId,
            }, cancellationToken);
            return saved.Succeeded ? attachment.Id : saved.Errors.ToList();
        }, cancellationToken);
    }
}
