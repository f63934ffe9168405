using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>Lists and details of demands, each as its reader may see it.</summary>
public sealed class DemandQueries(DemandStore store, Audit.AuditTrail audit)
{
    public sealed record Row(int Id, string Title, string FormKey, int RoundId, string RoundTitle, int OwnerUnitId, string OwnerUnitName,
        string County, string Area, string Directions, DemandKind Kind, int? RecommenderUnitId, DemandStatus Status,
        DateTimeOffset UpdatedAt, string? Receipt);

    public sealed record Detail(Demand Demand, string OwnerUnitName, string? RecommenderUnitName, string RoundTitle, DateTimeOffset RoundClosesAt,
        FormDefinition Form, Taxonomy? Taxonomy, JsonObject Values, Domain.Filings.FilingVersion<DemandStatus>? ShownVersion, bool ShowsDraft,
        Domain.Filings.FilingWindow Window);

    JiebangDbContext Db => store.Db;

    /// <summary>The demands' rows, the latest change first.</summary>
    public IQueryable<Row> RowsOf(IQueryable<Demand> demands) => Rows(demands, newestFirst: true);

    /// <summary>
    /// The rows of a page or chunk of ids, in no order (the caller puts them in its own): read by primary key. Ordered
    /// by the latest change, SQLite would rather walk the whole (UpdatedAt, Id, …) index than sort a few hundred rows.
    /// </summary>
    public IQueryable<Row> RowsIn(IQueryable<Demand> demands) => Rows(demands, newestFirst: false);

    IQueryable<Row> Rows(IQueryable<Demand> demands, bool newestFirst)
    {
        var joined = from d in demands
                     join u in Db.Units on d.OwnerUnitId equals u.Id
                     join region in Db.Regions on u.RegionCode equals region.Code
                     join r in Db.Rounds on d.RoundId equals r.Id
                     select new { d, UnitName = u.Name, RegionName = region.Name, RoundTitle = r.Title };
        if (newestFirst) joined = joined.OrderByDescending(x => x.d.UpdatedAt);
        return joined.Select(x => new Row(x.d.Id, x.d.Title, x.d.FormKey, x.d.RoundId, x.RoundTitle, x.d.OwnerUnitId, x.UnitName, x.RegionName,
            x.d.Area, x.d.Directions, x.d.Kind, x.d.RecommenderUnitId, x.d.Status, x.d.UpdatedAt,
            Db.DemandVersions.Where(v => v.FilingId == x.d.Id).OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault()));
    }

    public async Task<Outcome<IReadOnlyList<Row>>> OwnAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSignedIn) return Permissions.SignInRequired;
        return await RowsOf(Db.Demands.VisibleTo(actor).Where(d => d.OwnerUnitId == actor.UnitId)).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<Row>>> SentToMeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (DemandPolicy.WhyNotRecommend(actor) is { } denied) return denied;
        return await RowsOf(Db.Demands.VisibleTo(actor).Where(d => d.RecommenderUnitId == actor.UnitId))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<Detail>> DetailAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var demand = loaded.Demand;
        // The owner works on the draft; everyone else reads what was submitted.
        var showsDraft = actor.BelongsTo(demand.OwnerUnitId) && (demand.IsEditable || demand.LatestVersion is null);
        var version = showsDraft ? null : demand.LatestVersion;
        var values = store.Values(loaded.Form, version?.ValuesJson ?? demand.DraftJson);
        if (!actor.BelongsTo(demand.OwnerUnitId)) values = FormPhones.Mask(loaded.Form, values);
        var names = await Db.Units.Where(u => u.Id == demand.OwnerUnitId || u.Id == demand.RecommenderUnitId)
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return new Detail(demand, names[demand.OwnerUnitId],
            demand.RecommenderUnitId is { } r ? names.GetValueOrDefault(r) : null, loaded.Round.Title, loaded.Round.ClosesAt,
            loaded.Form, loaded.Taxonomy, values, version, showsDraft, loaded.Window);
    }

    /// <summary>The full phone numbers of what the reader sees masked; every reveal is in the audit trail.</summary>
    public async Task<Outcome<IReadOnlyList<(string Label, string Phone)>>> RevealPhonesAsync(Actor actor, int id,
        CancellationToken cancellationToken = default)
    {
        var detail = await DetailAsync(actor, id, cancellationToken);
        if (!detail.Succeeded) return detail.Errors.ToList();
        var d = detail.Value!;
        var values = store.Values(d.Form, d.ShownVersion?.ValuesJson ?? d.Demand.DraftJson);
        var phones = new List<(string, string)>();
        foreach (var field in d.Form.Fields)
        {
            if (field.Type == Domain.Forms.FieldType.Phone && values[field.Key]?.ToString() is { Length: > 0 } phone)
                phones.Add((field.LabelZh, phone));
            else if (field.Type == Domain.Forms.FieldType.Table && values[field.Key] is JsonArray rows)
                foreach (var (row, i) in rows.OfType<JsonObject>().Select((r, i) => (r, i)))
                    foreach (var column in (field.Columns ?? []).Where(c => c.Type == Domain.Forms.FieldType.Phone))
                        if (row[column.Key]?.ToString() is { Length: > 0 } cell) phones.Add(($"{field.LabelZh} 第{i + 1}行", cell));
        }
        await audit.RecordNowAsync(actor, "personal.revealed", nameof(Demand), id.ToString(), "demand phones", cancellationToken);
        return phones;
    }
}
