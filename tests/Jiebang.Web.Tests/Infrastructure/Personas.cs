using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>
/// One person for each role, in their own units: applicant A of enterprise A, enterprise B
/// (whose records A must not reach), an association's recommender, bureau staff, an expert, an administrator.
/// </summary>
public sealed class Personas
{
    public const string Password = "test-password-2024";
    public const string AuthenticatorKey = "JBTESTKEYSTAFFAB";

    public int UnitA { get; private set; }
    public int UnitB { get; private set; }
    public int Bureau { get; private set; }
    public int Association { get; private set; }
    public int University { get; private set; }

    public static readonly (string UserName, string Role)[] All =
    [
        ("applicant-a", Roles.Applicant), ("recommender", Roles.Recommender), ("staff", Roles.Staff),
        ("expert", Roles.Expert), ("admin", Roles.Admin),
    ];

    public static async Task<Personas> CreateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var personas = new Personas();
        Unit AddUnit(string name, string uscc, UnitType type)
        {
            var unit = new Unit
            {
                Name = name, Uscc = uscc, Type = type, RegionCode = "331181", Status = UnitStatus.Approved,
                ContactName = "联系人", ContactPhoneProtected = personal.Protect("13905781234"),
            };
            db.Units.Add(unit);
            return unit;
        }
        var a = AddUnit("测试企业甲", "91331181MA2E0T3K5K", UnitType.Enterprise);
        var b = AddUnit("测试企业乙", "91331181MA2BDE018F", UnitType.Enterprise);
        var association = AddUnit("测试行业协会", "51331181MA2BDM01X7", UnitType.Association);
        var bureau = AddUnit("测试科技局", "113311810020000041", UnitType.ScienceBureau);
        var university = AddUnit("测试大学", "12330000470000128M", UnitType.University);
        await db.SaveChangesAsync();
        (personas.UnitA, personas.UnitB, personas.Bureau) = (a.Id, b.Id, bureau.Id);
        // As `jiebang setup` leaves it: the bureau's identity with the notice's contact.
        db.BureauIdentities.Add(new BureauIdentity
        {
            UnitId = bureau.Id, ShortName = "测试科技局", ContactName = "孙亮（综合业务科）", ContactEmail = "2191290347@qq.com",
        });
        await db.SaveChangesAsync();
        (personas.Association, personas.University) = (association.Id, university.Id);

        await AddUserAsync(users, "applicant-a", a, Roles.Applicant);
        await AddUserAsync(users, "applicant-b", b, Roles.Applicant);
        await AddUserAsync(users, "recommender", association, Roles.Recommender);
        await AddUserAsync(users, "staff", bureau, Roles.Staff);
        await AddUserAsync(users, "expert", university, Roles.Expert);
        await AddUserAsync(users, "admin", bureau, Roles.Admin);
        await AddUserAsync(users, "applicant-u", university, Roles.Applicant);
        return personas;
    }

    static async Task AddUserAsync(UserManager<JiebangUser> users, string userName, Unit unit, string role)
    {
        var user = new JiebangUser { UserName = userName, UnitId = unit.Id, FullName = userName };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(result.Errors.First().Description);
        await users.AddToRoleAsync(user, role);
        if (!Roles.RequiringTwoFactor.Contains(role)) return;
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
