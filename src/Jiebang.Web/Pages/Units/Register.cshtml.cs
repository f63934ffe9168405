using Jiebang.Web.Data;
using Jiebang.Web.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Units;

[EnableRateLimiting(JiebangApp.LoginRateLimit)]
[Features.Security.HashesPassword]
public sealed class RegisterModel(RegisterUnit register, JiebangDbContext db, Features.Setup.BureauProfile bureau,
    Features.Files.FileStore files) : PageModel
{
    [BindProperty] public RegisterUnit.Input Input { get; set; } = new();
    /// <summary>The business licence scan, optional here (the unit can add it later from its own page).</summary>
    [BindProperty(Name = "Input.Licence")] public IFormFile? Licence { get; set; }
    public long MaxUploadMegabytes => files.MaxUploadBytes / (1024 * 1024);
    public IReadOnlyList<Region> Counties { get; private set; } = [];
    public bool ShowUnusualCodeConfirmation { get; private set; }
    public bool Registered { get; private set; }
    /// <summary>Whom to call about the approval: the bureau's contact as setup recorded it.</summary>
    public Features.Calls.BureauContact? Contact { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Most units registering are in the bureau's own county: the list starts there, already chosen.
        if (Input.RegionCode.Length == 0) Input.RegionCode = (await bureau.GetAsync(cancellationToken))?.RegionCode ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var licence = Licence is { } file && (file.Length > 0 || file.FileName.Length > 0) ? file.OpenReadStream() : null;
        var outcome = await register.HandleAsync(Input, cancellationToken, licence is null ? null : new UnitLicence.Upload(Licence!.FileName, licence));
        if (!outcome.Succeeded)
        {
            ModelState.AddRuleErrors(outcome.Errors);
            ShowUnusualCodeConfirmation = outcome.Errors.Any(e => e.Is(Domain.Identifiers.IdentifierErrors.UsccCheck)) || Input.ConfirmUnusualCode;
            Input.Password = "";
            await LoadAsync(cancellationToken);
            return Page();
        }
        Registered = true;
        Contact = await Features.Calls.BureauContact.OfAsync(bureau, cancellationToken);
        return Page();
    }

    async Task LoadAsync(CancellationToken cancellationToken) =>
        Counties = RegionChoices.StartingFrom(await db.Regions.AsNoTracking().Where(r => r.Level == "county").ToListAsync(cancellationToken),
            (await bureau.GetAsync(cancellationToken))?.RegionCode);
}
