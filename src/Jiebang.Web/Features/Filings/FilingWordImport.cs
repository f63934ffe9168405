using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Filings;

/// <summary>A filled Word file read into a draft: what was saved, the import report, and the form's findings.</summary>
public sealed record WordImported(int Id, DateTimeOffset SavedAt, WordImport Import, IReadOnlyList<RuleError> Findings);

/// <summary>
/// A filled Word or WPS file read back into a filing's draft [notice §4.3: the Word file], for every kind:
/// the file is bounded by what it expands to (<see cref="AnnexWordReader"/>), read against the draft's form
/// and taxonomy, and ends in the kind's one save path. Fields found (or left empty) in the file replace the
/// draft's; fields missing or unreadable keep it. The draft and the audit entry commit together.
/// </summary>
public sealed class FilingWordImport<TFiling, TStatus, TLoaded>(IFilingStore<TFiling, TStatus, TLoaded> store,
    ISaveDraftValues<TLoaded> save, AnnexWordReader reader, AuditTrail audit)
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    public async Task<Outcome<WordImported>> HandleAsync(Actor actor, int id, Stream content, long? length, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        if (length > reader.MaxBytes) return DocxPackage.TooLarge(reader.MaxBytes);
        var read = await reader.ReadAsync(content, loaded.Form, loaded.Taxonomy, cancellationToken);
        if (!read.Succeeded) return read.Errors.ToList();
        var import = read.Value!;
        var saved = await store.Db.InOneTransactionAsync(async () =>
        {
            var draft = await save.SaveValuesAsync(actor, loaded, import.MergedInto(loaded.Draft), cancellationToken);
            if (draft.Succeeded)
                await audit.RecordNowAsync(actor, $"{store.Kind.AuditPrefix}.imported_word", store.Kind.OwnerType, id.ToString(),
                    $"{import.With(ImportStatus.Found).Count()} fields read", cancellationToken);
            return draft;
        }, cancellationToken);
        if (!saved.Succeeded) return saved.Errors.ToList();
        return new WordImported(id, saved.Value!.SavedAt, import, saved.Value.Findings);
    }
}
