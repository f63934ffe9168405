using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Units;

public sealed class DetailsModel(UnitQueries units, ReviewUnit review, UpdateUnitContact updateContact, EditUnit editUnit,
    Data.JiebangDbContext db, Features.Setup.BureauProfile bureau, UnitRegistrationFacts facts, UnitLicence licences,
    AttachUnitLicence attachLicence, Features.Files.FileStore files) : PageModel
{
    /// <summary>The current business licence scan, which staff judge the registration by; the unit's own people add or replace it.</summary>
    public UnitLicence.View? Licence { get; private set; }
    public bool CanAttachLicence { get; private set; }
    public long MaxUploadMegabytes => files.MaxUploadBytes / (1024 * 1024);
    /// <summary>The accounts the unit registered with, for those who review units.</summary>
    public IReadOnlyList<UnitRegistrationFacts.Account>? Accounts { get; private set; }
    public UnitView Unit { get; private set; } = null!;
    public string? RevealedPhone { get; private set; }
    public bool CanReview { get; private set; }
    [BindProperty] public ReviewUnit.Input Input { get; set; } = new();
    [BindProperty] public UpdateUnitContact.Input Contact { get; set; } = new();
    public bool CanEditContact { get; private set; }
    public bool CanEditUnit { get; private set; }
    [BindProperty] public EditUnit.Input Edit { get; set; } = new();
    public IReadOnlyList<Data.Region> Counties { get; private set; } = [];

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await editUnit.HandleAsync(User.Actor(), id, Edit, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (outcome.Succeeded) return RedirectToPage(new { id });
        ModelState.AddRuleErrors(outcome.Errors, "Edit");
        return await LoadAsync(id, cancellationToken, keepEdit: true) ?? Page();
    }

    public async Task<IActionResult> OnPostContactAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await updateContact.HandleAsync(User.Actor(), id, Contact, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage(new { id });
        ModelState.AddRuleErrors(outcome.Errors, "Contact");
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostLicenceAsync(int id, IFormFile? licence, CancellationToken cancellationToken)
    {
        if (licence is null)
        {
            ModelState.AddModelError("Licence", Features.Files.FileErrors.Empty.At("licence").Message());
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        await using var content = licence.OpenReadStream();
        var outcome = await attachLicence.HandleAsync(User.Actor(), id, new UnitLicence.Upload(licence.FileName, content), cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.Succeeded)
        {
            TempData["LicenceAttached"] = outcome.Value!.FileName;
            return RedirectToPage(new { id });
        }
        foreach (var error in outcome.Errors) ModelState.AddModelError("Licence", error.Message());
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken cancellationToken)
    {
        var phone = await units.RevealContactPhoneAsync(User.Actor(), id, cancellationToken);
        if (!phone.Succeeded) return NotFound();
        RevealedPhone = phone.Value;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await review.HandleAsync(User.Actor(), id, Input, cancellationToken);
        if (outcome.IsNotFound) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) ModelState.AddRuleErrors(outcome.Errors);
        else return RedirectToPage(new { id });
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, bool keepEdit = false)
    {
        var outcome = await units.GetAsync(User.Actor(), id, cancellationToken);
        if (!outcome.Succeeded) return NotFound();
        Unit = outcome.Value!;
        CanEditContact = User.Actor().BelongsTo(Unit.Id);
        CanAttachLicence = CanEditContact;
        Licence = await licences.CurrentAsync(id, cancellationToken);
        CanEditUnit = Permissions.Can(Permissions.WhyNotReviewUnit(User.Actor()));
        if (CanEditUnit)
        {
            Counties = RegionChoices.StartingFrom(await db.Regions.Where(r => r.Level == "county").ToListAsync(cancellationToken),
                (await bureau.GetAsync(cancellationToken))?.RegionCode);
            if (!keepEdit)
                Edit = new EditUnit.Input
                {
                    Name = Unit.Name, Uscc = Unit.Uscc, Type = Unit.Type, RegionCode = Unit.RegionCode,
                    IsAgricultural = Unit.IsAgricultural, IsHighTech = Unit.IsHighTech, IsTechSme = Unit.IsTechSme,
                };
        }
        CanReview = Permissions.Can(Permissions.WhyNotReviewUnit(User.Actor())) && Unit.Status == Data.UnitStatus.Pending;
        var accounts = await facts.AccountsAsync(User.Actor(), id, cancellationToken);
        Accounts = accounts.Succeeded ? accounts.Value : null;
        return null;
    }
}
