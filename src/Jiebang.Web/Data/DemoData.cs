using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// Demo units and accounts, demands in every state in the open demo round, and a published call whose
/// items were compiled from the accepted ones, seeded in Development only
/// (README lists them). Demo accounts are
/// flagged and refused outside Development, so a copied database never opens with them.
/// </summary>
public static class DemoData
{
    public const string Password = "demo2024jiebang";
    public const string StaffAuthenticatorKey = "JIEBANGDEMOSTAFF";
    public const string AdminAuthenticatorKey = "JIEBANGDEMOADMIN";
    /// <summary>The demand round open from the day the demo is first seeded, for 60 days.</summary>
    public const string OpenRoundTitle = "演示：技术攻关需求征集（进行中）";

    sealed record DemoUnit(string Name, string Uscc, UnitType Type, string Region, bool Agricultural, string Contact, string Phone,
        params (string UserName, string FullName, string Role)[] Accounts);

    static readonly DemoUnit[] Units =
    [
        new("龙泉市科学技术局", "113311810020000041", UnitType.ScienceBureau, "331181", false, "孙亮", "05787123456",
            ("staff", "孙亮", Roles.Staff), ("admin", "系统管理员", Roles.Admin), ("lqrec", "吴推荐（龙泉市科技局）", Roles.Recommender)),
        // The city bureau above Longquan: it holds Lishui's quota of the central guidance call [annex 4 §3.2].
        new("丽水市科学技术局", "11331100002000001D", UnitType.ScienceBureau, "331100", false, "郑科长", "05782123456",
            ("lishui", "郑科长", Roles.Recommender)),
        new("龙泉市汽车空调零部件行业协会（示例）", "51331181MA2BDM01X7", UnitType.Association, "331181", false, "陈协会", "13905781001",
            ("assoc1", "陈协会", Roles.Recommender)),
        new("龙泉市青瓷宝剑行业协会（示例）", "51331181MA2BDM0287", UnitType.Association, "331181", false, "叶协会", "13905781002",
            ("assoc2", "叶协会", Roles.Recommender)),
        new("龙泉示例汽车空调配件有限公司", "91331181MA2BDE018F", UnitType.Enterprise, "331181", false, "王经理", "13905782001",
            ("ent1", "王经理", Roles.Applicant)),
        new("浙江示例新材料科技有限公司", "91331181MA2BDE026A", UnitType.Enterprise, "331181", false, "李经理", "13905782002",
            ("ent2", "李经理", Roles.Applicant)),
        new("龙泉示例菌菇农业科技有限公司", "91331181MA2BDE0345", UnitType.Enterprise, "331181", true, "刘经理", "13905782003",
            ("ent3", "刘经理", Roles.Applicant)),
        new("浙江示例大学", "12330000470000128M", UnitType.University, "330106", false, "赵老师", "13905783001",
            ("univ", "赵老师", Roles.Applicant), ("expert1", "钱专家", Roles.Expert), ("expert2", "周专家", Roles.Expert)),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await SeedUnitsAndAccountsAsync(services, cancellationToken);
        await DemoDemands.SeedAsync(services, OpenRoundTitle, cancellationToken);
        await DemoGuidelines.SeedAsync(services, OpenRoundTitle, cancellationToken);
        await DemoProposals.SeedAsync(services, cancellationToken);
        await DemoRecommendation.SeedAsync(services, cancellationToken);
    }

    static async Task SeedUnitsAndAccountsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        if (await db.Users.AnyAsync(u => u.IsDemo, cancellationToken)) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        foreach (var demo in Units)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Uscc == demo.Uscc, cancellationToken);
            if (unit is null)
            {
                unit = new Unit
                {
                    Name = demo.Name, Uscc = demo.Uscc, Type = demo.Type, RegionCode = demo.Region, IsAgricultural = demo.Agricultural,
                    ContactName = demo.Contact, ContactPhoneProtected = personal.Protect(demo.Phone), Status = UnitStatus.Approved,
                    CreatedAt = now, ReviewedAt = now, ReviewNote = "demo",
                };
                db.Units.Add(unit);
                await db.SaveChangesAsync(cancellationToken);
            }
            foreach (var (userName, fullName, role) in demo.Accounts)
                await CreateAccountAsync(users, unit, userName, fullName, role, personal, now);
        }

        await SeedBureauIdentityAsync(db, now, cancellationToken);
        db.Rounds.Add(new Round
        {
            Title = OpenRoundTitle, Kind = RoundKind.DemandSolicitation,
            OpensAt = now.AddDays(-1), ClosesAt = SixtyDaysOnAt1730China(now), Forms = ["annex1@1", "annex2@1", "annex3@1"],
            TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    // The contact the notice prints: "龙泉市科技局综合业务科（联系人：孙亮，邮箱：2191290347@qq.com）" [notice §4.3].
    static async Task SeedBureauIdentityAsync(JiebangDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.BureauIdentities.AnyAsync(cancellationToken)) return;
        var bureau = await db.Units.FirstAsync(u => u.Uscc == Units[0].Uscc, cancellationToken);
        db.BureauIdentities.Add(new BureauIdentity
        {
            UnitId = bureau.Id, ShortName = "龙泉市科技局", ContactName = "孙亮（综合业务科）",
            ContactEmail = "2191290347@qq.com", SetUpAt = now,
        });
    }

    // Deadlines read like the notice's: a day at 17:30 China Standard Time.
    static DateTimeOffset SixtyDaysOnAt1730China(DateTimeOffset now)
    {
        var day = now.ToChina().AddDays(60);
        return ChinaTime.At(day.Year, day.Month, day.Day, 17, 30);
    }

    static async Task CreateAccountAsync(UserManager<JiebangUser> users, Unit unit, string userName, string fullName,
        string role, PersonalDataProtector personal, DateTimeOffset now)
    {
        var user = new JiebangUser
        {
            UserName = userName, FullName = fullName, UnitId = unit.Id, IsDemo = true, CreatedAt = now,
            MobileProtected = unit.ContactPhoneProtected,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        var key = role switch { Roles.Staff => StaffAuthenticatorKey, Roles.Admin => AdminAuthenticatorKey, _ => null };
        if (key is null) return;
        // The key the authenticator app is given; stored where Identity's own ResetAuthenticatorKey puts it.
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
