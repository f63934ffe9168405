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

namespace Jiebang.Web.Features.Setup;

/// <summary>
/// An operator's first step on an empty database: the bureau that runs the instance, as an approved
/// unit with the identity the pages and documents print, and its first administrator, who enrols an
/// authenticator at first sign-in. Done once: a second run is refused, never duplicated.
/// </summary>
public sealed class SetUpPlatform(JiebangDbContext db, UserManager<JiebangUser> users, PersonalDataProtector personal,
    AuditTrail audit, BureauProfile profile, TimeProvider clock)
{
    public sealed record Input
    {
        public string BureauName { get; set; } = "";
        public string Uscc { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string ShortName { get; set; } = "";
        public string Address { get; set; } = "";
        public string ContactName { get; set; } = "";
        public string ContactPhone { get; set; } = "";
        public string ContactEmail { get; set; } = "";
        public string AdminUserName { get; set; } = "";
        public string AdminFullName { get; set; } = "";
        public string AdminPassword { get; set; } = "";
    }

    public sealed record Done(int UnitId, string AdminUserId);

    public async Task<Outcome<Done>> HandleAsync(Input input, CancellationToken cancellationToken = default)
    {
        if (await db.BureauIdentities.AnyAsync(cancellationToken))
            return SetupErrors.AlreadySetUp.At("", await db.BureauIdentities.Select(b => b.ShortName).FirstAsync(cancellationToken));
        var errors = await CheckAsync(input, cancellationToken);
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow();
        return await db.InOneTransactionAsync(async () =>
        {
            var unit = new Unit
            {
                Name = input.BureauName.Trim(), Uscc = Domain.Identifiers.Uscc.Normalize(input.Uscc), Type = UnitType.ScienceBureau,
                RegionCode = input.RegionCode.Trim(), ContactName = input.ContactName.Trim(),
                ContactPhoneProtected = personal.Protect(PhoneNumber.Normalize(input.ContactPhone)),
                Status = UnitStatus.Approved, CreatedAt = now, ReviewedAt = now, ReviewNote = "setup",
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            db.BureauIdentities.Add(new BureauIdentity
            {
                UnitId = unit.Id, ShortName = input.ShortName.Trim(), Address = input.Address.Trim(),
                ContactName = input.ContactName.Trim(), ContactPhone = PhoneNumber.Normalize(input.ContactPhone),
                ContactEmail = input.ContactEmail.Trim(), SetUpAt = now,
            });
            var admin = new JiebangUser
            {
                UserName = input.AdminUserName.Trim(), FullName = input.AdminFullName.Trim(), UnitId = unit.Id, CreatedAt = now,
            };
            var created = await users.CreateAsync(admin, input.AdminPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(admin, Roles.Admin);
            var actor = new Actor(admin.Id, admin.UserName!, unit.Id, new HashSet<string> { Roles.Admin });
            audit.Record(actor, "platform.setup", nameof(BureauIdentity), BureauIdentity.TheOne.ToString(),
                after: new { unit.Name, unit.Uscc, unit.RegionCode, input.ShortName });
            audit.Record(actor, "account.created", nameof(JiebangUser), admin.Id);
            await db.SaveChangesAsync(cancellationToken);
            profile.Refresh();
            return new Done(unit.Id, admin.Id);
        }, cancellationToken);
    }

    async Task<List<RuleError>> CheckAsync(Input input, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken);
        var errors = UnitRegistration.Check(input.BureauName, input.Uscc, UnitType.ScienceBureau, input.RegionCode, regions.Contains).ToList();
        if (string.IsNullOrWhiteSpace(input.ShortName)) errors.Add(SetupErrors.ShortNameRequired.At("shortName"));
        // Measured as stored: trimmed.
        errors.AddRange(FormLimits.WhyNotTexts(("shortName", "简称", "Short name", input.ShortName.Trim(), 50),
            ("address", "地址", "Address", input.Address.Trim(), 200), ("contactName", "联系人", "Contact", input.ContactName.Trim(), 50),
            ("contactEmail", "电子邮箱", "E-mail", input.ContactEmail.Trim(), FormLimits.MaxEmailChars),
            ("adminFullName", "管理员姓名", "Administrator's name", input.AdminFullName.Trim(), 50)));
        if (!string.IsNullOrWhiteSpace(input.ContactPhone))
            errors.AddRange(PhoneNumber.Check(input.ContactPhone, "contactPhone", new LocalizedText("联系电话", "Phone")));
        if (string.IsNullOrWhiteSpace(input.AdminUserName) || input.AdminUserName.Trim().Length > 64)
            errors.Add(SetupErrors.AdminRequired.At("adminUserName"));
        else if (await users.FindByNameAsync(input.AdminUserName.Trim()) is not null)
            errors.Add(SetupErrors.AdminUserNameTaken.At("adminUserName", input.AdminUserName.Trim()));
        var uscc = Domain.Identifiers.Uscc.Normalize(input.Uscc);
        if (uscc.Length == 18 && await db.Units.AnyAsync(u => u.Uscc == uscc, cancellationToken))
            errors.Add(SetupErrors.UnitTaken.At("uscc", uscc));
        errors.AddRange(await PasswordRules.CheckAsync(users, input.AdminPassword));
        return errors;
    }
}
