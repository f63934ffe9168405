using Jiebang.Domain.Forms;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// What the file use cases ask of a filing kind (a demand, a proposal) about one of its records: who may
/// attach to it and read its files, and its draft's one save path for an attachment field. Each kind's
/// own load-and-check answers, so the files of a record are guarded exactly as the record is.
/// </summary>
public interface IFilingFiles
{
    /// <summary>The <see cref="Data.Attachment.OwnerType"/> of the kind's files ("Demand", "Proposal").</summary>
    string OwnerType { get; }

    /// <summary>The submitted version a stamped scan is a copy of, or why the actor may not attach one.</summary>
    Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken);

    /// <summary>Succeeds when the actor may read the record (and so its files); not found otherwise.</summary>
    Task<Outcome<bool>> CheckReadAsync(Actor actor, int id, CancellationToken cancellationToken);

    /// <summary>The form of a draft the actor may change now, or why not.</summary>
    Task<Outcome<FormDefinition>> EditableFormAsync(Actor actor, int id, CancellationToken cancellationToken);

    /// <summary>Sets one field of the draft through the kind's save path.</summary>
    Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken);
}
