using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Load;

/// <summary>
/// Makes what the run needs in the app's database, through the app's own model and Identity stores:
/// an enterprise unit and an applicant for each client, staff in a bureau unit (with TOTP), and a
/// demand round that closes in an hour (the preset's forms and taxonomy). Names carry a run tag,
/// so runs can follow each other on one database.
/// </summary>
public static class Setup
{
    public const string Password = "load-password-2024";
    public const string AuthenticatorKey = "JBLOADKEYSTAFFAB";

    /// <summary>The crowd's applicants, staff, and one more applicant who warms the app up before the crowd is timed.</summary>
    public sealed record Accounts(string Tag, int RoundId, IReadOnlyList<string> Applicants, IReadOnlyList<string> Staff, string WarmUp);

    public static async Task<Accounts> RunAsync(Options options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = options.Postgres,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddJiebangDatabase(configuration);
        services.AddIdentityCore<JiebangUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<JiebangDbContext>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var tag = Random.Shared.Next(1000, 9999).ToString();
        var now = DateTimeOffset.UtcNow;

        var preset = await db.Rounds.AsNoTracking().SingleAsync(r => r.PresetKey == "longquan-demand-2024");
        var round = new Round
        {
            Kind = RoundKind.DemandSolicitation, Title = $"压测批次 {tag}", OpensAt = now.AddDays(-1), ClosesAt = now.AddHours(1),
            FormKeys = preset.FormKeys, TaxonomyKey = preset.TaxonomyKey, Settings = preset.Settings, CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        var units = Enumerable.Range(0, options.Clients + 1).Select(i => new Unit
        {
            Name = $"压测企业{tag}-{i:D4}", Uscc = $"91{tag}{i:D12}", Type = UnitType.Enterprise, RegionCode = "331181",
            Status = UnitStatus.Approved, ContactName = "联系人", CreatedAt = now,
        }).ToList();
        var bureau = new Unit
        {
            Name = $"压测科技局{tag}", Uscc = $"11{tag}{999_999_999_999L}", Type = UnitType.ScienceBureau, RegionCode = "331181",
            Status = UnitStatus.Approved, ContactName = "联系人", CreatedAt = now,
        };
        db.Units.AddRange(units);
        db.Units.Add(bureau);
        await db.SaveChangesAsync();

        var hash = new PasswordHasher<JiebangUser>().HashPassword(null!, Password);
        async Task<string> AddUserAsync(string userName, Unit unit, string role)
        {
            var user = new JiebangUser { UserName = userName, UnitId = unit.Id, FullName = userName, PasswordHash = hash, CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException(created.Errors.First().Description);
            await users.AddToRoleAsync(user, role);
            if (Roles.RequiringTwoFactor.Contains(role))
            {
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return userName;
        }
        var applicants = new List<string>();
        for (var i = 0; i < units.Count; i++) applicants.Add(await AddUserAsync($"load-{tag}-{i:D4}", units[i], Roles.Applicant));
        var staff = new List<string>();
        for (var i = 0; i < options.Staff; i++) staff.Add(await AddUserAsync($"load-{tag}-staff{i}", bureau, Roles.Staff));
        return new Accounts(tag, round.Id, applicants[..^1], staff, applicants[^1]);
    }
}
