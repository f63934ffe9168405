using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Guidelines;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Guidelines;

/// <summary>Staff edit an item (times typed in China Standard Time), see its lineage, and withdraw it.</summary>
public sealed class EditModel(GuidelineQueries queries, EditGuidelineItem edit, WithdrawGuidelineItem withdraw) : PageModel
{
    public sealed record InputModel
    {
        public string? Name { get; set; }
        public string? Area { get; set; }
        public string? Direction { get; set; }
        public string? Goals { get; set; }
        public string? Conditions { get; set; }
        public SupportChannel Channel { get; set; }
        public decimal? FundingWan { get; set; }
        public int PeriodMonths { get; set; } = 24;
        public DateTime? DeadlineChina { get; set; }
        public Guid? ConcurrencyStamp { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public string? WithdrawReason { get; set; }
    public GuidelineQueries.ItemDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var i = Detail.Item;
        Input = new InputModel
        {
            Name = i.Name, Area = i.Area, Direction = i.Direction, Goals = i.Goals, Conditions = i.Conditions, Channel = i.Channel,
            FundingWan = i.FundingWan, PeriodMonths = i.PeriodMonths, DeadlineChina = i.Deadline?.ToChina().DateTime,
            ConcurrencyStamp = i.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // A number the browser could not read (a letter in 经费) is the binder's; say so in the rule's words.
        foreach (var (key, field) in new[] { ("Input.FundingWan", "fundingWan"), ("Input.PeriodMonths", "periodMonths"), ("Input.DeadlineChina", "deadline") })
            if (ModelState[key]?.Errors.Count > 0) return await RedisplayAsync(id, [BadNumber(key, field)], cancellationToken);
        var outcome = await edit.HandleAsync(User.Actor(), id, new EditGuidelineItem.Input
        {
            Name = Input.Name ?? "", Area = Input.Area ?? "", Direction = Input.Direction ?? "", Goals = Input.Goals ?? "",
            Conditions = Input.Conditions ?? "", Channel = Input.Channel, FundingWan = Input.FundingWan, PeriodMonths = Input.PeriodMonths,
            Deadline = Input.DeadlineChina is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), ChinaTime.Offset) : null,
            ConcurrencyStamp = Input.ConcurrencyStamp,
        }, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded)
        {
            TempData["Saved"] = true;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, outcome.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await withdraw.HandleAsync(User.Actor(), id, new WithdrawGuidelineItem.Input { Reason = WithdrawReason }, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage(new { id });
        foreach (var e in outcome.Errors) ModelState.AddModelError(nameof(WithdrawReason), e.Message());
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        return Page();
    }

    Domain.Rules.RuleError BadNumber(string key, string field) =>
        GuidelineErrors.NumberUnreadable.At(field, field switch
        {
            "fundingWan" => GuidelineRules.FundingLabel,
            "periodMonths" => GuidelineRules.PeriodLabel,
            _ => GuidelineRules.DeadlineLabel,
        }, ModelState[key]?.AttemptedValue ?? "");

    async Task<IActionResult> RedisplayAsync(int id, IEnumerable<Domain.Rules.RuleError> errors, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.")).ToList()) ModelState[key]!.Errors.Clear();
        ModelState.AddRuleErrors(errors.Select(e => e.Field == "deadline" ? e with { Field = "deadlineChina" } : e));
        return Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await queries.ItemAsync(User.Actor(), id, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        Detail = outcome.Value!;
        return null;
    }
}
