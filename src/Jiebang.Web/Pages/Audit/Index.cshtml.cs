using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Audit;

/// <summary>
/// Staff check the audit chain and read the trail as sentences, a page at a time, filtered by who,
/// what, when and which record; the filters are the query string, so a filtered page can be linked.
/// </summary>
public sealed class IndexModel(JiebangDbContext db, AuditChainFiles files, AuditLog log) : PageModel
{
    public AuditChain.Verdict Verdict { get; private set; } = null!;
    public AuditLog.Result Log { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "who")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true, Name = "what")] public string? What { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "record")] public string? Record { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public bool Filtered => !string.IsNullOrWhiteSpace(Who) || !string.IsNullOrWhiteSpace(What) || From is not null || To is not null
        || !string.IsNullOrWhiteSpace(Record);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.Actor();
        if (!Permissions.Can(Permissions.WhyNotReadAudit(actor))) return Forbid();
        Verdict = await AuditChain.VerifyAsync(db, files, cancellationToken);
        var outcome = await log.HandleAsync(actor, new AuditLog.Input
        {
            Who = Who, Action = What, From = From, To = To, Record = Record, Page = PageNumber,
        }, cancellationToken);
        if (!outcome.Succeeded) return Forbid();
        Log = outcome.Value!;
        return Page();
    }

    /// <summary>The link to another page of the same filtered list (<c>p</c>: <c>page</c> is Razor Pages' own route value).</summary>
    public string? PageLink(int page) => Url.Page("/Audit/Index", new
    {
        who = Blank(Who), what = Blank(What), from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"),
        record = Blank(Record), p = page,
    });

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
