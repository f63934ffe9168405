using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Rounds;

/// <summary>Staff open and edit rounds; everyone signed in may read them. Every change is audited.</summary>
public sealed class RoundCommands(JiebangDbContext db, AuditTrail audit, TimeProvider clock, Forms.FormRegistry forms)
{
    public sealed record Input
    {
        public RoundKind Kind { get; set; } = RoundKind.DemandSolicitation;
        public string Title { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        /// <summary>The form definitions, each "key@version".</summary>
        public List<string> Forms { get; set; } = [];
        /// <summary>The stages after filing, each with its window; filing is <see cref="OpensAt"/>..<see cref="ClosesAt"/>.</summary>
        public List<RoundStage> Stages { get; set; } = [];
        public string TaxonomyKey { get; set; } = "";
        public RoundSettings Settings { get; set; } = new();
    }

    public sealed record StageView(RoundStageKind Kind, DateTimeOffset? OpensAt, DateTimeOffset ClosesAt)
    {
        public string? OpensAtChina => OpensAt is { } at ? ChinaTime.Format(at) : null;
        public string ClosesAtChina => ChinaTime.Format(ClosesAt);
    }

    public sealed record RoundView(int Id, string? PresetKey, RoundKind Kind, string Title, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, IReadOnlyList<string> Forms, IReadOnlyList<StageView> Stages, string TaxonomyKey,
        RoundSettings Settings, bool IsOpen, bool HasClosed = false)
    {
        public string OpensAtChina => ChinaTime.Format(OpensAt);
        public string ClosesAtChina => ChinaTime.Format(ClosesAt);
    }

    RoundView View(Round r) => new(r.Id, r.PresetKey, r.Kind, r.Title, r.OpensAt.ToChina(), r.ClosesAt.ToChina(), r.Forms,
        r.Schedule.Stages.Select(s => new StageView(s.Kind, s.OpensAt?.ToChina(), s.ClosesAt.ToChina())).ToList(),
        r.TaxonomyKey, r.Settings, r.IsOpenAt(clock.GetUtcNow()), clock.GetUtcNow() >= r.ClosesAt);

    public async Task<Outcome<IReadOnlyList<RoundView>>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotViewRounds(actor) is { } denied) return denied;
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return rounds.Select(View).ToList();
    }

    public async Task<Outcome<RoundView>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotViewRounds(actor) is { } denied) return denied;
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return round is null ? Outcome.NotFound() : View(round);
    }

    public async Task<Outcome<RoundView>> CreateAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotEditRounds(actor) is { } denied) return denied;
        if (await CheckAsync(input, cancellationToken) is { Count: > 0 } errors) return errors;
        var now = clock.GetUtcNow();
        var round = new Round { Title = input.Title.Trim(), CreatedAt = now, UpdatedAt = now };
        Apply(round, input);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "round.created", nameof(Round), round.Id.ToString(), after: input);
        await db.SaveChangesAsync(cancellationToken);
        return View(round);
    }

    public async Task<Outcome<RoundView>> UpdateAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotEditRounds(actor) is { } denied) return denied;
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return Outcome.NotFound();
        if (await CheckAsync(input, cancellationToken) is { Count: > 0 } errors) return errors;
        var before = ToInput(round);
        Apply(round, input);
        round.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "round.updated", nameof(Round), round.Id.ToString(), before, input);
        await db.SaveChangesAsync(cancellationToken);
        return View(round);
    }

    public static Input ToInput(Round r) => new()
    {
        Kind = r.Kind, Title = r.Title, OpensAt = r.OpensAt.ToChina(), ClosesAt = r.ClosesAt.ToChina(),
        Forms = [.. r.Forms], Stages = [.. r.Stages], TaxonomyKey = r.TaxonomyKey, Settings = r.Settings,
    };

    static void Apply(Round round, Input input)
    {
        round.Kind = input.Kind;
        round.Title = input.Title.Trim();
        round.OpensAt = input.OpensAt;
        round.ClosesAt = input.ClosesAt;
        round.Forms = [.. (input.Forms ?? []).Select(f => f.Trim()).Where(f => f.Length > 0)];
        round.Stages = [.. (input.Stages ?? []).Where(s => s.Kind != RoundStageKind.Filing).OrderBy(s => s.Kind)];
        round.TaxonomyKey = input.TaxonomyKey.Trim();
        round.Settings = input.Settings;
    }

    async Task<List<RuleError>> CheckAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = Check(input);
        // The forms and the taxonomy are data: a round may only name those that are loaded.
        var named = Forms.FormRef.ListOf(input.Forms ?? []);
        if (named.Count == 0) errors.Add(RoundErrors.FormsRequired.At("forms"));
        foreach (var form in named)
            if (await forms.FormAsync(form.Key, form.Version, cancellationToken) is null)
                errors.Add(RoundErrors.FormUnknown.At("forms", form.Version == 0 ? form.Key : $"{form.Key}@{form.Version}"));
        var taxonomy = (input.TaxonomyKey ?? "").Trim();
        if (taxonomy.Length > 0 && await forms.TaxonomyAsync(taxonomy, cancellationToken) is null)
            errors.Add(RoundErrors.TaxonomyUnknown.At("taxonomyKey", taxonomy));
        return errors;
    }

    static readonly LocalizedText OpensLabel = new("开始时间", "Opening time"), ClosesLabel = new("截止时间", "Closing time"),
        CapLabel = new("各类别支持上限", "Caps per category"), QuotaLabel = new("限项数", "Quota"),
        ThresholdLabel = new("查重阈值", "Similarity threshold"),
        StartsLabel = new("项目开始日期", "Project start"), EndsLabel = new("项目结束日期", "Project end");

    static List<RuleError> Check(Input input)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(RoundErrors.TitleRequired.At("title"));
        if (!Enum.IsDefined(input.Kind)) errors.Add(RoundErrors.KindUnknown.At("kind"));
        var opens = RoundLimits.Instant(input.OpensAt, "opensAt", OpensLabel, Clause.Notice("4.3"));
        var closes = RoundLimits.Instant(input.ClosesAt, "closesAt", ClosesLabel, Clause.Notice("4.3"));
        errors.AddRange(new[] { opens, closes }.OfType<RuleError>());
        if (opens is null && closes is null && input.ClosesAt <= input.OpensAt)
            errors.Add(RoundErrors.ClosesBeforeOpening.At("closesAt",
                ChinaTime.Format(input.OpensAt), ChinaTime.Format(input.ClosesAt)));
        // The filing window is checked above; the schedule adds the later stages, their order and repeats.
        if (opens is null && closes is null)
            errors.AddRange(RoundSchedule.Check([new RoundStage(RoundStageKind.Filing, input.OpensAt, input.ClosesAt), .. input.Stages ?? []])
                .Where(e => !e.Field.StartsWith("stages.Filing.")));
        var s = input.Settings;
        errors.AddRange(s.CapsByCategory.Values.Select(v => RoundLimits.Amount(v, "settings.capsByCategory", CapLabel, Clause.Annex(4, "1")))
            .OfType<RuleError>().Take(1));
        foreach (var (field, share) in new[] { ("settings.enterpriseSelfFundingMinShare", s.EnterpriseSelfFundingMinShare),
                     ("settings.mountainIslandSelfFundingMinShare", s.MountainIslandSelfFundingMinShare) })
            if (share is < 0 or > 1) errors.Add(RoundErrors.ShareOutOfRange.At(field, share));
        errors.AddRange(s.Quotas.Select(q => RoundLimits.Quota(q.Limit, "settings.quotas", QuotaLabel, Clause.Annex(4, "3.2")))
            .OfType<RuleError>().Take(1));
        if (s.Quotas.Any(q => q.UnitClass is { } c && !Enum.IsDefined(c)))
            errors.Add(RoundErrors.QuotaClassUnknown.At("settings.quotas"));
        if (RoundLimits.Fraction(s.SimilarityThreshold, "settings.similarityThreshold", ThresholdLabel, Clause.Annex(4, "3.1.3")) is { } threshold)
            errors.Add(threshold);
        var starts = s.ProjectStartsOn is { } start ? RoundLimits.Day(start, "settings.projectStartsOn", StartsLabel, Clause.Annex(4, "2.1")) : null;
        var ends = s.ProjectEndsOn is { } end ? RoundLimits.Day(end, "settings.projectEndsOn", EndsLabel, Clause.Annex(4, "2.1")) : null;
        errors.AddRange(new[] { starts, ends }.OfType<RuleError>());
        if (starts is null && ends is null && s.ProjectStartsOn is { } from && s.ProjectEndsOn is { } to && to < from)
            errors.Add(RoundErrors.ProjectEndsBeforeStart.At("settings.projectEndsOn",
                from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd")));
        return errors;
    }
}
