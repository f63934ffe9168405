using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// A unit starts a demand on one of the forms of an open demand round. The form's definition says
/// who may file it, what kind of demand it is and what is filled in from the unit.
/// </summary>
public sealed class StartDemand(DemandStore store, FormRegistry forms, AuditTrail audit, TimeProvider clock) : IStartFiling<StartDemand.Input>
{
    public sealed record Input
    {
        public int RoundId { get; set; }
        public string FormKey { get; set; } = "";
    }

    /// <summary>What a new form shows before anything is saved: the round, the form, the unit and the values filled in from it.</summary>
    public sealed record Blank(Data.Round Round, FormDefinition Form, Data.Unit Unit, DemandKind Kind, System.Text.Json.Nodes.JsonObject Values);

    public async Task<Outcome<int>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        var checkedStart = await CheckAsync(actor, input, cancellationToken);
        if (!checkedStart.Succeeded) return checkedStart.Errors.ToList();
        var (round, form, unit, kind, values) = checkedStart.Value!;
        var now = clock.GetUtcNow();
        var demand = Demand.Start(round.Id, unit.Id, form.Key, form.Version, kind, null, now);
        demand.SaveDraft(values.ToJsonString(), FormSummaries.From(form, values), kind, null, now);
        return await NewFiling.AddAsync(store.Db, demand, d => d.Id, id =>
            audit.Record(actor, "demand.started", nameof(Demand), id.ToString(), after: new { round.Id, form.Key, form.Version }), cancellationToken);
    }

    public async Task<Outcome<System.Text.Json.Nodes.JsonObject>> PrefilledAsync(Actor actor, Input input, CancellationToken cancellationToken)
    {
        var blank = await CheckAsync(actor, input, cancellationToken);
        return blank.Succeeded ? blank.Value!.Values : blank.Errors.ToList();
    }

    /// <summary>Every check of a start, without starting: the round is open, the form is in it and the unit may file it.</summary>
    public async Task<Outcome<Blank>> CheckAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (DemandPolicy.WhyNotFile(actor) is { } cannot) return cannot;
        var round = await store.Db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.RoundId, cancellationToken);
        if (round is null || round.Kind != RoundKind.DemandSolicitation) return Outcome.NotFound("roundId");
        var named = FormRef.ListOf(round.Forms).FirstOrDefault(f => f.Key == input.FormKey);
        var form = named is null ? null : await forms.FormAsync(named.Key, named.Version, cancellationToken);
        if (form is not null && DemandPolicy.WhyNotStart(actor, form) is { } denied) return denied;
        var now = clock.GetUtcNow();
        if (new Domain.Filings.FilingWindow(round.OpensAt, round.ClosesAt).Refuses(now) is { } closed) return closed;
        if (form is null || form.Filing.Kind != "demand")
            return DemandErrors.FormNotInRound.At("formKey", input.FormKey);
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == actor.UnitId, cancellationToken);
        if (!form.Filing.AllowsUnitType(unit.Type))
            return DemandErrors.FormNotForUnitType.AtClause(form.Clause, "formKey", input.FormKey);

        var region = await store.Db.Regions.AsNoTracking().Where(r => r.Code == unit.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return new Blank(round, form, unit, form.Filing.DemandKind, FormPrefill.InitialValues(form, unit, region ?? ""));
    }
}
