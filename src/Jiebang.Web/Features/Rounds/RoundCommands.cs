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
        public string FormKeys { get; set; } = "";
        public string TaxonomyKey { get; set; } = "";
        public RoundSettings Settings { get; set; } = new();
    }

    public sealed record RoundView(int Id, string? PresetKey, RoundKind Kind, string Title, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, string FormKeys, string TaxonomyKey, RoundSettings Settings, bool IsOpen)
    {
        public string OpensAtChina => ChinaTime.Format(OpensAt);
        public string ClosesAtChina => ChinaTime.Format(ClosesAt);
    }

    RoundView View(Round r) => new(r.Id, r.PresetKey, r.Kind, r.Title, r.OpensAt.ToChina(), r.ClosesAt.ToChina(),
        r.FormKeys, r.TaxonomyKey, r.Settings, r.IsOpenAt(clock.GetUtcNow()));

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
        FormKeys = r.FormKeys, TaxonomyKey = r.TaxonomyKey, Settings = r.Settings,
    };

    static void Apply(Round round, Input input)
    {
        round.Kind = input.Kind;
        round.Title = input.Title.Trim();
        round.OpensAt = input.OpensAt;
        round.ClosesAt = input.ClosesAt;
        round.FormKeys = input.FormKeys.Trim();
        round.TaxonomyKey = input.TaxonomyKey.Trim();
        round.Settings = input.Settings;
    }

    async Task<List<RuleError>> CheckAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = Check(input);
        // The forms and the taxonomy are data: a round may only name those that are loaded.
        var named = Forms.FormRef.ListOf(input.FormKeys ?? "");
        if (named.Count == 0) errors.Add(RuleError.Of("ROUND_FORMS_REQUIRED", "formKeys", "notice §3"));
        foreach (var form in named)
            if (await forms.FormAsync(form.Key, form.Version, cancellationToken) is null)
                errors.Add(RuleError.Of("ROUND_FORM_UNKNOWN", "formKeys", "notice §3", form.Version == 0 ? form.Key : $"{form.Key}@{form.Version}"));
        var taxonomy = (input.TaxonomyKey ?? "").Trim();
        if (taxonomy.Length > 0 && await forms.TaxonomyAsync(taxonomy, cancellationToken) is null)
            errors.Add(RuleError.Of("ROUND_TAXONOMY_UNKNOWN", "taxonomyKey", "notice §1", taxonomy));
        return errors;
    }

    static List<RuleError> Check(Input input)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add(RuleError.Of("ROUND_TITLE_REQUIRED", "title", "notice §3"));
        if (!Enum.IsDefined(input.Kind)) errors.Add(RuleError.Of("ROUND_KIND_UNKNOWN", "kind", "notice §3"));
        if (input.ClosesAt <= input.OpensAt)
            errors.Add(RuleError.Of("ROUND_CLOSES_BEFORE_OPENING", "closesAt", "notice §4.3",
                ChinaTime.Format(input.OpensAt), ChinaTime.Format(input.ClosesAt)));
        var s = input.Settings;
        if (s.CapsByCategory.Values.Any(v => v < 0)) errors.Add(RuleError.Of("ROUND_CAP_NEGATIVE", "settings.capsByCategory", "annex 4 §1"));
        foreach (var (field, share) in new[] { ("settings.enterpriseSelfFundingMinShare", s.EnterpriseSelfFundingMinShare),
                     ("settings.mountainIslandSelfFundingMinShare", s.MountainIslandSelfFundingMinShare) })
            if (share is < 0 or > 1) errors.Add(RuleError.Of("ROUND_SHARE_OUT_OF_RANGE", field, "annex 4 §2.2", share));
        if (s.QuotaByRecommender.Values.Any(q => q < 0)) errors.Add(RuleError.Of("ROUND_QUOTA_NEGATIVE", "settings.quotaByRecommender", "annex 4 §3.2"));
        return errors;
    }
}
