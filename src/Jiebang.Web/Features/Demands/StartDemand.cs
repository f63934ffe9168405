using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>A unit starts a demand on one of the forms of an open demand round.</summary>
public sealed class StartDemand(DemandStore store, FormRegistry forms, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public int RoundId { get; set; }
        public string FormKey { get; set; } = "annex2";
    }

    public async Task<Outcome<int>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotStartDemand(actor, input.FormKey) is { } denied) return denied;
        var round = await store.Db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.RoundId, cancellationToken);
        if (round is null || round.Kind != RoundKind.DemandSolicitation) return Outcome.NotFound("roundId");
        var now = clock.GetUtcNow();
        if (new RoundWindow(round.OpensAt, round.ClosesAt).Refuses(now) is { } closed) return closed;
        var named = FormRef.ListOf(round.Forms).FirstOrDefault(f => f.Key == input.FormKey);
        if (named is null) return RuleError.Of("DEMAND_FORM_NOT_IN_ROUND", "formKey", "notice §4.3", input.FormKey);
        var form = await forms.FormAsync(named.Key, named.Version, cancellationToken);
        if (form is null) return RuleError.Of("DEMAND_FORM_NOT_IN_ROUND", "formKey", "notice §4.3", input.FormKey);

        var kind = input.FormKey == "annex3" ? DemandKind.IndustryCommon : DemandKind.EnterpriseOwn;
        var demand = Demand.Start(round.Id, actor.UnitId!.Value, form.Key, form.Version, kind, null, now);
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == actor.UnitId, cancellationToken);
        var values = InitialValues(form, unit);
        demand.SaveDraft(values.ToJsonString(), DemandSummaries.From(form, values), kind, null, now);
        store.Db.Demands.Add(demand);
        await store.Db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "demand.started", nameof(Demand), demand.Id.ToString(), after: new { round.Id, form.Key, form.Version });
        await store.Db.SaveChangesAsync(cancellationToken);
        return demand.Id;
    }

    // The blanks the annex prints filled in (所属地区: 龙泉市), and the unit's own name and contact.
    static JsonObject InitialValues(FormDefinition form, Data.Unit unit)
    {
        var values = new JsonObject();
        foreach (var field in form.Fields)
        {
            var value = field.Key switch
            {
                "enterpriseName" or "filingUnit" or "recommender" => unit.Name,
                "contactName" or "filingContact" => unit.ContactName,
                _ => field.DefaultValue,
            };
            if (!string.IsNullOrEmpty(value)) values[field.Key] = value;
        }
        return values;
    }
}
