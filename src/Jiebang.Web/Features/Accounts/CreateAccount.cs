using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// The administrator opens an account for a person of an approved unit: staff in the bureau,
/// experts, more people of a unit. The role must fit the unit's type.
/// </summary>
public sealed class CreateAccount(JiebangDbContext db, UserManager<JiebangUser> users, PersonalDataProtector personal,
    AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public int UnitId { get; set; }
        public string UserName { get; set; } = "";
        public string FullName { get; set; } = "";
        public string Mobile { get; set; } = "";
        public string? ResidentId { get; set; }
        public string Role { get; set; } = Roles.Applicant;
        public string Password { get; set; } = "";
    }

    public async Task<Outcome<string>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageAccounts(actor) is { } denied) return denied;
        var errors = new List<RuleError>(Domain.Forms.FormLimits.WhyNotTexts(("userName", "用户名", "User name", input.UserName, Domain.Forms.FormLimits.MaxKeyChars),
            ("fullName", "姓名", "Full name", input.FullName, Domain.Forms.FormLimits.MaxNameChars), ("password", "密码", "Password", input.Password, 256)));
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.UnitId, cancellationToken);
        if (unit is null) errors.Add(Outcome.NotFound("unitId"));
        else if (unit.Status != UnitStatus.Approved) errors.Add(AccountErrors.UnitNotApproved.At("unitId"));
        if (!Roles.All.Contains(input.Role)) errors.Add(AccountErrors.RoleUnknown.At("role", input.Role));
        else if (unit is not null && !RoleFits(input.Role, unit.Type))
            errors.Add(AccountErrors.RoleUnfit.At("role", input.Role));
        if (string.IsNullOrWhiteSpace(input.UserName)) errors.Add(AccountErrors.UserNameRequired.At("userName"));
        else if (await users.FindByNameAsync(input.UserName.Trim()) is not null)
            errors.Add(AccountErrors.UserNameTaken.At("userName", input.UserName.Trim()));
        if (string.IsNullOrWhiteSpace(input.FullName)) errors.Add(AccountErrors.FullNameRequired.At("fullName"));
        errors.AddRange(PhoneNumber.Check(input.Mobile, "mobile", new LocalizedText("手机号码", "Mobile")));
        if (!string.IsNullOrWhiteSpace(input.ResidentId))
            errors.AddRange(Domain.Identifiers.ResidentId.Check(input.ResidentId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "residentId"));
        errors.AddRange(await PasswordRules.CheckAsync(users, input.Password));
        if (errors.Count > 0) return errors;

        var user = new JiebangUser
        {
            UserName = input.UserName.Trim(), FullName = input.FullName.Trim(), UnitId = unit!.Id, CreatedAt = clock.GetUtcNow(),
            MobileProtected = personal.Protect(PhoneNumber.Normalize(input.Mobile)),
            ResidentIdProtected = string.IsNullOrWhiteSpace(input.ResidentId) ? null
                : personal.Protect(Domain.Identifiers.ResidentId.Normalize(input.ResidentId)),
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return created.Errors.Select(e => AccountErrors.FromIdentity(e, "userName")).ToList();
        await users.AddToRoleAsync(user, input.Role);
        audit.Record(actor, "account.created", nameof(JiebangUser), user.Id,
            after: new { user.UserName, user.FullName, user.UnitId, input.Role });
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    /// <summary>Staff and administrators belong to a bureau; applicants and recommenders to units of their kind.</summary>
    public static bool RoleFits(string role, UnitType type) => role switch
    {
        Roles.Staff or Roles.Admin => type == UnitType.ScienceBureau,
        Roles.Applicant => type.CanApply(),
        Roles.Recommender => type.CanRecommend(),
        Roles.Expert => true,
        _ => false,
    };
}
