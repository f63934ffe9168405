using Jiebang.Domain.Forms;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// A unit registers itself with its first account. It stays pending until bureau staff approve
/// it; a code that fails only its check character may go forward for staff to check by hand.
/// </summary>
public sealed class RegisterUnit(JiebangDbContext db, UserManager<JiebangUser> users, PersonalDataProtector personal,
    AuditTrail audit, TimeProvider clock, UnitLicence licences)
{
    public sealed record Input
    {
        public string Name { get; set; } = "";
        public string Uscc { get; set; } = "";
        public UnitType Type { get; set; } = UnitType.Enterprise;
        public string RegionCode { get; set; } = "";
        public bool IsAgricultural { get; set; }
        public bool IsHighTech { get; set; }
        public bool IsTechSme { get; set; }
        public string ContactName { get; set; } = "";
        public string ContactPhone { get; set; } = "";
        public string ContactEmail { get; set; } = "";
        /// <summary>The applicant confirms a code that fails only its check character (early pilot codes).</summary>
        public bool ConfirmUnusualCode { get; set; }
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
    }

    public static readonly UnitType[] SelfRegisteringTypes =
        Enum.GetValues<UnitType>().Where(t => t != UnitType.ScienceBureau).ToArray();

    /// <param name="licence">The business licence scan, optional: staff judge the registration by it; it can also come later.</param>
    public async Task<Outcome<int>> HandleAsync(Input input, CancellationToken cancellationToken = default, UnitLicence.Upload? licence = null)
    {
        var regions = await db.Regions.Where(r => r.Level == "county").Select(r => r.Code).ToListAsync(cancellationToken);
        var errors = UnitRegistration.Check(input.Name, input.Uscc, input.Type, input.RegionCode, regions.Contains).ToList();
        var checkFailure = errors.FirstOrDefault(UnitRegistration.IsOverridable);
        if (checkFailure is not null && input.ConfirmUnusualCode) errors.Remove(checkFailure);
        if (!SelfRegisteringTypes.Contains(input.Type))
            errors.Add(UnitErrors.TypeNotSelfRegistering.At("type"));
        if (string.IsNullOrWhiteSpace(input.ContactName))
            errors.Add(UnitErrors.ContactRequired.At("contactName"));
        errors.AddRange(PhoneNumber.Check(input.ContactPhone, "contactPhone", new LocalizedText("联系电话", "Phone")));
        if (string.IsNullOrWhiteSpace(input.UserName))
            errors.Add(AccountErrors.UserNameRequired.At("userName"));
        errors.AddRange(FormLimits.WhyNotTexts(("name", "单位名称", "Unit name", input.Name, FormLimits.MaxNameChars),
            ("contactName", "联系人", "Contact", input.ContactName, FormLimits.MaxNameChars), ("contactEmail", "电子邮箱", "E-mail", input.ContactEmail, FormLimits.MaxEmailChars),
            ("userName", "用户名", "User name", input.UserName, FormLimits.MaxKeyChars), ("password", "密码", "Password", input.Password, 256)));
        if (errors.Any(e => e.Is(FormErrors.TextOverCeiling))) return errors;

        var uscc = Domain.Identifiers.Uscc.Normalize(input.Uscc);
        if (uscc.Length == 18 && await db.Units.AnyAsync(u => u.Uscc == uscc, cancellationToken))
            errors.Add(UnitErrors.UsccTaken.At("uscc", uscc));
        if (!string.IsNullOrWhiteSpace(input.UserName) && await users.FindByNameAsync(input.UserName.Trim()) is not null)
            errors.Add(AccountErrors.UserNameTaken.At("userName", input.UserName.Trim()));
        errors.AddRange(await PasswordRules.CheckAsync(users, input.Password));
        if (errors.Count > 0) return errors;
        // Checked by content only once the rest holds, so that a refused registration leaves no file behind.
        var storedLicence = licence is null ? null : await licences.StoreAsync(licence, cancellationToken);
        if (storedLicence is { Succeeded: false }) return storedLicence.Errors.Select(e => e with { Field = "licence" }).ToList();

        var now = clock.GetUtcNow();
        var unit = new Unit
        {
            Name = input.Name.Trim(), Uscc = uscc, Type = input.Type, RegionCode = input.RegionCode,
            IsAgricultural = input.IsAgricultural, IsHighTech = input.IsHighTech, IsTechSme = input.IsTechSme,
            ContactName = input.ContactName.Trim(), ContactEmail = input.ContactEmail.Trim(),
            ContactPhoneProtected = personal.Protect(PhoneNumber.Normalize(input.ContactPhone)),
            Status = UnitStatus.Pending, UsccCheckFailure = checkFailure?.Message(), CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);

        var user = new JiebangUser
        {
            UserName = input.UserName.Trim(), UnitId = unit.Id, FullName = unit.ContactName,
            MobileProtected = unit.ContactPhoneProtected, CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
            return created.Errors.Select(e => AccountErrors.FromIdentity(e, "password")).ToList();
        await users.AddToRoleAsync(user, unit.Type.CanApply() ? Roles.Applicant : Roles.Recommender);

        var actor = new Actor(user.Id, user.UserName, unit.Id, new HashSet<string>());
        audit.Record(actor, "unit.registered", nameof(Unit), unit.Id.ToString(), after: UnitSnapshot.Of(unit));
        audit.Record(actor, "account.created", nameof(JiebangUser), user.Id);
        if (storedLicence?.Value is { } stored)
        {
            var attachment = licences.Add(unit.Id, user.Id, licence!.FileName, stored);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "unit.licence_attached", nameof(Unit), unit.Id.ToString(), after: UnitLicence.Snapshot(attachment));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return unit.Id;
    }
}
