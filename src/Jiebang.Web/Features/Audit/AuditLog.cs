using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// The audit trail as staff read it: one page of entries, newest first, filtered by who acted (a
/// person's or unit's name), what they did (an action code), when (China Standard Time days, both
/// inclusive) and which record (a receipt number, a title, a unit's name or an id); each entry with
/// its actor and unit by name and its record named and linked where the reader may open it.
/// Reading only: entries are written by <see cref="AuditTrail"/> and chained by <see cref="AuditChainer"/>.
/// </summary>
public sealed class AuditLog(JiebangDbContext db)
{
    public const int PageSize = 50;

    public sealed record Input
    {
        public string? Who { get; set; }
        public string? Action { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Record { get; set; }
        public int Page { get; set; } = 1;
    }

    /// <summary>The record an entry is about: its kind (a resource <c>AuditNoun_{Type}</c>), how it is named, and where it opens.</summary>
    public sealed record RecordRef(string Type, string Label, string? Href, string? FilingTitle = null);

    public sealed record Row(AuditEntry Entry, string Who, string? WhoUnit, AuditActions.Action? Action, RecordRef? Record)
    {
        /// <summary>The reason when it is a person's words (a return's reasons, an opinion); a technical note stays with the codes.</summary>
        /// <summary>An entry the platform wrote on its own (a restore), not a person.</summary>
        public bool ByPlatform => Entry.ActorUserId is null && Entry.ActorName == Actor.System.Name;

        public string? ShownReason => Action?.ReasonIsText == true && !string.IsNullOrWhiteSpace(Entry.Reason) ? Entry.Reason : null;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount);

    public async Task<Outcome<Result>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotReadAudit(actor) is { } denied) return denied;
        var entries = Filtered(input);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(input.Page, 1, pageCount);
        var shown = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new Result(await RowsAsync(actor, shown, cancellationToken), total, page, pageCount);
    }

    IQueryable<AuditEntry> Filtered(Input input)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (input.Who?.Trim() is { Length: > 0 } who)
        {
            var users = db.Users.Where(u => u.FullName.Contains(who) || u.UserName!.Contains(who)).Select(u => u.Id);
            var units = db.Units.Where(u => u.Name.Contains(who)).Select(u => (int?)u.Id);
            entries = entries.Where(a => a.ActorName.Contains(who)
                || (a.ActorUserId != null && users.Contains(a.ActorUserId))
                || (a.ActorUnitId != null && units.Contains(a.ActorUnitId)));
        }
        if (input.Action?.Trim() is { Length: > 0 } action) entries = entries.Where(a => a.Action == action);
        if (input.From is { } from)
        {
            var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            entries = entries.Where(a => a.At >= since);
        }
        if (input.To is { } to)
        {
            var before = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            entries = entries.Where(a => a.At < before);
        }
        if (input.Record?.Trim() is { Length: > 0 } record)
        {
            var demands = db.Demands.Where(d => d.Title.Contains(record) || d.Versions.Any(v => v.ReceiptNumber == record))
                .Select(d => d.Id.ToString());
            var proposals = db.Proposals.Where(p => p.Title.Contains(record) || p.Versions.Any(v => v.ReceiptNumber == record))
                .Select(p => p.Id.ToString());
            var units = db.Units.Where(u => u.Name.Contains(record) || u.Uscc == record).Select(u => u.Id.ToString());
            entries = entries.Where(a => a.EntityId == record
                || (a.EntityType == nameof(Domain.Demands.Demand) && demands.Contains(a.EntityId))
                || (a.EntityType == nameof(Domain.Proposals.Proposal) && proposals.Contains(a.EntityId))
                || (a.EntityType == nameof(Unit) && units.Contains(a.EntityId)));
        }
        return entries;
    }

    async Task<IReadOnlyList<Row>> RowsAsync(Actor actor, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var userIds = entries.Select(e => e.ActorUserId).OfType<string>()
            .Concat(IdsOf(entries, nameof(JiebangUser))).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName.Length > 0 ? u.FullName : u.UserName ?? "", cancellationToken);
        var unitIds = entries.Select(e => e.ActorUnitId).OfType<int>().Concat(IntIdsOf(entries, nameof(Unit))).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var records = await RecordsAsync(actor, entries, people, units, cancellationToken);
        return entries.Select(e => new Row(e,
                e.ActorUserId is { } user && people.TryGetValue(user, out var name) ? name : e.ActorName,
                e.ActorUnitId is { } unit && units.TryGetValue(unit, out var unitName) ? unitName : null,
                AuditActions.Find(e.Action),
                records.GetValueOrDefault((e.EntityType, e.EntityId)) is { } r ? WithReceipt(r, e) : null))
            .ToList();
    }

    /// <summary>A submission names the receipt of the version it made, not the latest one.</summary>
    static RecordRef WithReceipt(RecordRef record, AuditEntry entry)
    {
        if (entry.After is not { } after || !after.Contains("\"receipt\"")) return record;
        try
        {
            using var json = JsonDocument.Parse(after);
            if (json.RootElement.TryGetProperty("receipt", out var receipt) && receipt.GetString() is { Length: > 0 } number)
                return record with { Label = Filing(number, record.FilingTitle ?? "") };
        }
        catch (JsonException)
        {
        }
        return record;
    }

    static IEnumerable<string> IdsOf(IEnumerable<AuditEntry> entries, string type) =>
        entries.Where(e => e.EntityType == type && e.EntityId.Length > 0).Select(e => e.EntityId);

    static List<int> IntIdsOf(IEnumerable<AuditEntry> entries, string type) =>
        IdsOf(entries, type).Select(id => int.TryParse(id, out var n) ? n : (int?)null).OfType<int>().Distinct().ToList();

    static List<long> LongIdsOf(IEnumerable<AuditEntry> entries, string type) =>
        IdsOf(entries, type).Select(id => long.TryParse(id, out var n) ? n : (long?)null).OfType<long>().Distinct().ToList();

    static string Filing(string? receipt, string title) =>
        (receipt, title.Length) switch
        {
            ({ Length: > 0 } r, > 0) => $"{r} “{title}”",
            ({ Length: > 0 } r, _) => r,
            _ => $"“{title}”",
        };

    async Task<Dictionary<(string, string), RecordRef>> RecordsAsync(Actor actor, IReadOnlyList<AuditEntry> entries,
        Dictionary<string, string> people, Dictionary<int, string> units, CancellationToken cancellationToken)
    {
        var records = new Dictionary<(string, string), RecordRef>();
        void Add(string type, object id, string label, string? href, string? title = null) =>
            records[(type, id.ToString()!)] = new RecordRef(type, label, href, title);

        var demandIds = IntIdsOf(entries, nameof(Domain.Demands.Demand));
        if (demandIds.Count > 0)
        {
            var visible = (await db.Demands.VisibleTo(actor).Where(d => demandIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
            var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id))
                .Select(d => new { d.Id, d.Title, Receipt = d.Versions.OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            foreach (var d in demands)
                Add(nameof(Domain.Demands.Demand), d.Id, Filing(d.Receipt, d.Title), visible.Contains(d.Id) ? $"/Demands/Details/{d.Id}" : null, d.Title);
        }
        var proposalIds = IntIdsOf(entries, nameof(Domain.Proposals.Proposal));
        if (proposalIds.Count > 0)
        {
            var visible = (await db.Proposals.VisibleTo(actor).Where(p => proposalIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
            var proposals = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Title, Receipt = p.Versions.OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            foreach (var p in proposals)
                Add(nameof(Domain.Proposals.Proposal), p.Id, Filing(p.Receipt, p.Title), visible.Contains(p.Id) ? $"/Proposals/Details/{p.Id}" : null, p.Title);
        }
        foreach (var id in IntIdsOf(entries, nameof(Unit)))
            if (units.TryGetValue(id, out var name))
                Add(nameof(Unit), id, name, $"/Units/Details/{id}");
        foreach (var id in IdsOf(entries, nameof(JiebangUser)).Distinct())
            if (people.TryGetValue(id, out var name))
                Add(nameof(JiebangUser), id, name, null);
        var roundIds = IntIdsOf(entries, nameof(Round));
        if (roundIds.Count > 0)
        {
            var canEdit = Permissions.Can(Permissions.WhyNotEditRounds(actor));
            foreach (var r in await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken))
                Add(nameof(Round), r.Id, r.Title, canEdit ? $"/Rounds/Edit/{r.Id}" : null);
        }
        var itemIds = IntIdsOf(entries, nameof(Domain.Guidelines.GuidelineItem));
        if (itemIds.Count > 0)
        {
            var canOpen = Permissions.Can(GuidelinePolicy.WhyNotViewDrafts(actor));
            foreach (var i in await db.GuidelineItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Number, i.Name }).ToListAsync(cancellationToken))
                Add(nameof(Domain.Guidelines.GuidelineItem), i.Id, $"{i.Number} “{i.Name}”", canOpen ? $"/Guidelines/Edit/{i.Id}" : null);
        }
        var attachmentIds = LongIdsOf(entries, nameof(Attachment));
        if (attachmentIds.Count > 0)
            foreach (var a in await db.Attachments.AsNoTracking().Where(a => attachmentIds.Contains(a.Id)).Select(a => new { a.Id, a.FileName }).ToListAsync(cancellationToken))
                Add(nameof(Attachment), a.Id, a.FileName, null);
        var templateKeys = IdsOf(entries, nameof(LetterTemplate)).Distinct().ToList();
        if (templateKeys.Count > 0)
            foreach (var t in await db.LetterTemplates.AsNoTracking().Where(t => templateKeys.Contains(t.Key)).Select(t => new { t.Key, t.Title }).ToListAsync(cancellationToken))
                Add(nameof(LetterTemplate), t.Key, $"“{t.Title}”", null);
        foreach (var type in new[] { nameof(RecommendationBatch), nameof(Domain.Proposals.Recommendation.ProposalBatch) })
            foreach (var id in IntIdsOf(entries, type))
                Add(type, id, $"#{id}", null);
        return records;
    }
}
