using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Rounds;

/// <summary>Staff create or edit a round; times are typed in China Standard Time, settings as JSON.</summary>
public sealed class EditModel(RoundCommands rounds) : PageModel
{
    public sealed record InputModel
    {
        public RoundKind Kind { get; set; } = RoundKind.DemandSolicitation;
        public string Title { get; set; } = "";
        public DateTime OpensAtChina { get; set; }
        public DateTime ClosesAtChina { get; set; }
        /// <summary>The forms, one "key@version" a line.</summary>
        public string Forms { get; set; } = "";
        /// <summary>The stages after filing, one row each; a row without a deadline is a stage the round does not have.</summary>
        public List<StageInput> Stages { get; set; } = [];
        public string TaxonomyKey { get; set; } = "";
        public string SettingsJson { get; set; } = "{}";
    }

    public sealed record StageInput
    {
        public RoundStageKind Kind { get; set; }
        public DateTime? OpensAtChina { get; set; }
        public DateTime? ClosesAtChina { get; set; }
    }

    /// <summary>The stages the page offers after filing, in the notice's order.</summary>
    public static readonly RoundStageKind[] LaterStages =
        [RoundStageKind.Recommendation, RoundStageKind.FormalReview, RoundStageKind.ExpertReview, RoundStageKind.NoticePeriod];

    static List<StageInput> StageRows(IEnumerable<RoundCommands.StageView> stages) =>
        [.. LaterStages.Select(kind => stages.FirstOrDefault(s => s.Kind == kind) is { } s
            ? new StageInput { Kind = kind, OpensAtChina = s.OpensAt?.ToChina().DateTime, ClosesAtChina = s.ClosesAt.ToChina().DateTime }
            : new StageInput { Kind = kind })];

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!Permissions.Can(Permissions.WhyNotEditRounds(User.Actor()))) return Forbid();
        Id = id;
        Input.Stages = StageRows([]);
        if (id is null) return Page();
        var outcome = await rounds.GetAsync(User.Actor(), id.Value, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        var r = outcome.Value!;
        Input = new InputModel
        {
            Kind = r.Kind, Title = r.Title, OpensAtChina = r.OpensAt.ToChina().DateTime, ClosesAtChina = r.ClosesAt.ToChina().DateTime,
            Forms = string.Join('\n', r.Forms), Stages = StageRows(r.Stages), TaxonomyKey = r.TaxonomyKey,
            SettingsJson = JsonSerializer.Serialize(r.Settings, Json),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Input.Stages = [.. LaterStages.Select(kind => Input.Stages.FirstOrDefault(s => s.Kind == kind) ?? new StageInput { Kind = kind })];
        // A value the form sent that could not be read (a kind, a date) is said so, and nothing is saved in its place.
        if (!ModelState.IsValid) return Page();
        RoundSettings? settings = null;
        (long Line, long Character) where = (1, 1); // the parser's own message is English: name the place instead
        try { settings = JsonSerializer.Deserialize<RoundSettings>(Input.SettingsJson, Json); }
        catch (JsonException e) { where = ((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1); }
        if (settings is null)
        {
            ModelState.AddModelError("Input.SettingsJson", RoundErrors.SettingsJson.At("settingsJson", where.Line, where.Character).Message());
            return Page();
        }

        var input = new RoundCommands.Input
        {
            Kind = Input.Kind, Title = Input.Title, TaxonomyKey = Input.TaxonomyKey, Settings = settings,
            Forms = [.. (Input.Forms ?? "").Split(['\n', ',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Stages = [.. Input.Stages.Where(s => s.ClosesAtChina is not null).Select(s => new RoundStage(s.Kind,
                s.OpensAtChina is { } at ? new DateTimeOffset(at, ChinaTime.Offset) : null, new DateTimeOffset(s.ClosesAtChina!.Value, ChinaTime.Offset)))],
            OpensAt = new DateTimeOffset(Input.OpensAtChina, ChinaTime.Offset),
            ClosesAt = new DateTimeOffset(Input.ClosesAtChina, ChinaTime.Offset),
        };
        var outcome = id is null
            ? await rounds.CreateAsync(User.Actor(), input, cancellationToken)
            : await rounds.UpdateAsync(User.Actor(), id.Value, input, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage("Index");
        ModelState.AddRuleErrors(outcome.Errors.Select(e => e.Field switch
        {
            "opensAt" => e with { Field = "opensAtChina" },
            "closesAt" => e with { Field = "closesAtChina" },
            var f when f.StartsWith("stages.") && Enum.TryParse<RoundStageKind>(f.Split('.')[1], out var kind)
                && Array.IndexOf(LaterStages, kind) is >= 0 and var row =>
                e with { Field = $"stages[{row}].{(f.EndsWith(".opensAt") ? "opensAtChina" : "closesAtChina")}" },
            var f when f.StartsWith("settings") => e with { Field = "settingsJson" },
            _ => e,
        }));
        return Page();
    }
}
