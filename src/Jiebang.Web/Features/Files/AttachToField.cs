using Jiebang.Domain.Forms;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// A file for an attachment field of any filing's draft (annex 2: 企业简介 may run to attached pages; a
/// proposal's 授权书 and 承诺书). The file is checked and stored like a scan; the field's value becomes
/// its id through the draft's one save path.
/// </summary>
public sealed class AttachToField(IEnumerable<IFilingFiles> kinds, FilingScans scans, Data.JiebangDbContext db)
{
    public async Task<Outcome<long>> HandleAsync(Actor actor, string ownerType, int id, string fieldKey, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        if (kinds.FirstOrDefault(k => k.OwnerType == ownerType) is not { } kind) return Outcome.NotFound();
        var form = await kind.EditableFormAsync(actor, id, cancellationToken);
        if (!form.Succeeded) return form.Errors.ToList();
        if (form.Value!.Field(fieldKey) is not { Type: FieldType.Attachment }) return Outcome.NotFound("field");

        // One unit of work: the file's row, its audit entry and the draft naming it.
        return await db.InOneTransactionAsync<long>(async () =>
        {
            var stored = await scans.StoreAsync(actor, ownerType, id, "field:" + fieldKey, fileName, content, cancellationToken);
            if (!stored.Succeeded) return stored.Errors.Select(e => e with { Field = fieldKey }).ToList();
            var saved = await kind.SaveFieldAsync(actor, id, fieldKey, stored.Value!.Id.ToString(), cancellationToken);
            return saved.Succeeded ? stored.Value.Id : saved.Errors.ToList();
        }, cancellationToken);
    }
}
