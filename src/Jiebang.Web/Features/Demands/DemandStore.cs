using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>Loads a demand with its history, and the form, taxonomy and window of its round.</summary>
public sealed class DemandStore(JiebangDbContext db, FormRegistry forms, FormPhones phones)
    : Filings.IFilingStore<Demand, DemandStatus, DemandStore.Loaded>
{
    /// <summary>A demand with its form; <see cref="Draft"/> holds the draft's values with phones decrypted.</summary>
    public sealed record Loaded(Demand Demand, Round Round, FormDefinition Form, Taxonomy? Taxonomy, JsonObject Draft)
        : Filings.ILoadedFiling<Demand>
    {
        Demand Filings.ILoadedFiling<Demand>.Filing => Demand;
        public FilingWindow Window => new(Round.OpensAt, Round.ClosesAt);

        /// <summary>The form's findings and the demand's own rules, the same while typing, at submit and later.</summary>
        public IReadOnlyList<RuleError> Findings(JsonObject values) =>
            [.. FormCheck.Check(Form, values, Taxonomy), .. DemandRules.Check(Demand, Form.Filing.SentDirect)];
    }

    public JiebangDbContext Db => db;
    public Filings.FilingKind<Demand, DemandStatus> Kind { get; } = new(nameof(Demand), "demand", Demand.Lifecycle,
        DemandPolicy.WhyNotView, DemandPolicy.WhyNotEdit, DemandPolicy.WhyNotDelete);
    public void Remove(Demand filing) => db.Demands.Remove(filing);
    public FormPhones Phones => phones;

    /// <summary>Stored values (a draft or a version) with their phones decrypted.</summary>
    public JsonObject Values(FormDefinition form, string json) =>
        phones.Unprotect(form, JsonNode.Parse(json) as JsonObject ?? []);

    /// <summary>The round names the taxonomy its forms use; a form's own pinned list serves only a round that names none.</summary>
    public static string TaxonomyKeyOf(FormDefinition form, Round round) =>
        round.TaxonomyKey is { Length: > 0 } named ? named
            : form.Fields.FirstOrDefault(f => f.Type == FieldType.AreaDirection)?.TaxonomyKey ?? "";

    /// <summary>The one load-and-check of a demand (<see cref="Filings.FilingLoad.ForAsync"/>).</summary>
    public Task<Outcome<Loaded>> LoadForAsync(Actor actor, int id, FilingAccess access, CancellationToken cancellationToken) =>
        Filings.FilingLoad.ForAsync(this, actor, id, access, cancellationToken);

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
