using System.Security.Claims;

namespace Jiebang.Web.Features.Access;

/// <summary>Who is acting: the signed-in person, their unit and roles; anonymous when UserId is null.</summary>
public sealed record Actor(string? UserId, string Name, int? UnitId, IReadOnlySet<string> Roles)
{
    public const string UnitClaim = "jiebang:unit";

    public static readonly Actor Anonymous = new(null, "", null, new HashSet<string>());
    public static readonly Actor System = new(null, "system", null, new HashSet<string>());

    public bool IsSignedIn => UserId is not null;
    public bool IsStaff => Roles.Contains(Access.Roles.Staff);
    public bool IsAdmin => Roles.Contains(Access.Roles.Admin);
    public bool IsStaffOrAdmin => IsStaff || IsAdmin;
    public bool BelongsTo(int unitId) => UnitId == unitId;

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var unit = int.TryParse(user.FindFirstValue(UnitClaim), out var u) ? u : (int?)null;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", unit, roles);
    }
}
