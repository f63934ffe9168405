using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>Loads a demand with its history, and the form, taxonomy and window of its round.</summary>
public sealed class DemandStore(JiebangDbContext db, FormRegistry forms)
{
    public sealed record Loaded(Demand Demand, Round Round, FormDefinition Form, Taxonomy? Taxonomy)
    {
        public RoundWindow Window => new(Round.OpensAt, Round.ClosesAt);
        public JsonObject Draft => JsonNode.Parse(Demand.DraftJson) as JsonObject ?? [];
        public IReadOnlyList<RuleError> Findings(JsonObject values) => FormCheck.Check(Form, values, Taxonomy);
    }

    public JiebangDbContext Db => db;

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
        return new Loaded(demand, round, form, await forms.TaxonomyAsync(TaxonomyKeyOf(form, round), cancellationToken));
    }
}
