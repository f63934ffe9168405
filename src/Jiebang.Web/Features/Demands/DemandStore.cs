using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>Loads a demand with its history, and the form, taxonomy and window of its round.</summary>
public sealed class DemandStore(JiebangDbContext db, FormRegistry forms, DemandPhones phones)
{
    /// <summary>A demand with its form; <see cref="Draft"/> holds the draft's values with phones decrypted.</summary>
    public sealed record Loaded(Demand Demand, Round Round, FormDefinition Form, Taxonomy? Taxonomy, JsonObject Draft)
    {
        public RoundWindow Window => new(Round.OpensAt, Round.ClosesAt);
        public IReadOnlyList<RuleError> Findings(JsonObject values) => FormCheck.Check(Form, values, Taxonomy);
    }

    public JiebangDbContext Db => db;
    public DemandPhones Phones => phones;

    /// <summary>Stored values (a draft or a version) with their phones decrypted.</summary>
    public JsonObject Values(FormDefinition form, string json) =>
        phones.Unprotect(form, JsonNode.Parse(json) as JsonObject ?? []);

    /// <summary>The taxonomy an annex prints (annex 1: the provincial list) wins over the round's own.</summary>
    public static string TaxonomyKeyOf(FormDefinition form, Round round) =>
        form.Fields.FirstOrDefault(f => f.Type == FieldType.AreaDirection)?.TaxonomyKey ?? round.TaxonomyKey;

    public async Task<Loaded?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.Include(d => d.Versions).Include(d => d.Events)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null) return null;
        var round = await db.Rounds.FirstAsync(r => r.Id == demand.RoundId, cancellationToken);
        var form = await forms.FormAsync(demand.FormKey, demand.FormVersion, cancellationToken)
            ?? throw new InvalidOperationException($"form {demand.FormKey} v{demand.FormVersion} is missing");
        return new Loaded(demand, round, form, await forms.TaxonomyAsync(TaxonomyKeyOf(form, round), cancellationToken),
            Values(form, demand.DraftJson));
    }
}
