using System.Text.Json.Nodes;
using Jiebang.Domain.Text;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// What changed between two submitted versions of a demand, field by field, and within each changed
/// field the words deleted and inserted (<see cref="TextDiff"/>).
/// </summary>
public sealed class DemandDiff(DemandStore store)
{
    public sealed record Change(string Field, string Label, string Before, string After)
    {
        /// <summary>The field's text as kept, deleted and inserted pieces.</summary>
        public IReadOnlyList<TextDiff.Piece> Pieces { get; } = TextDiff.Compare(Before, After);
    }

    public async Task<Outcome<IReadOnlyList<Change>>> HandleAsync(Actor actor, int id, int from, int to, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var a = loaded.Demand.Versions.FirstOrDefault(v => v.Number == from);
        var b = loaded.Demand.Versions.FirstOrDefault(v => v.Number == to);
        if (a is null || b is null) return Outcome.NotFound("version");
        var before = store.Values(loaded.Form, a.ValuesJson);
        var after = store.Values(loaded.Form, b.ValuesJson);
        if (!actor.BelongsTo(loaded.Demand.OwnerUnitId))
            (before, after) = (FormPhones.Mask(loaded.Form, before), FormPhones.Mask(loaded.Form, after));
        return loaded.Form.Fields
            .Select(f => new Change(f.Key, f.LabelZh, FormText.Display(f, before[f.Key]), FormText.Display(f, after[f.Key])))
            .Where(c => c.Before != c.After).ToList();
    }
}
