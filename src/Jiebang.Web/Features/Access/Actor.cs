using System.Security.Claims;

namespace Jiebang.Web.Features.Access;

/// <summary>Who is acting: the signed-in person, their unit and roles; anonymous when UserId is null.</summary>
public sealed record Actor(string? UserId, string Name, int? UnitId, IReadOnlySet<string> Roles)
{
    /// <summary>What the actor acts for beyond its own unit, taken once a request from its claims.</summary>
    public ActorScope Scope { get; init; } = ActorScope.Of(UnitId, Roles);

    /// <summary>Whether the actor screens and recommends what is sent through the unit.</summary>
    public bool RecommendsFor(int unitId) => Scope.RecommendsFor.Contains(unitId);

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

/// <summary>
/// The units an actor recommends for (its own, when it holds the recommender role); later the items
/// assigned to an expert.
/// </summary>
public sealed record ActorScope(IReadOnlySet<int> RecommendsFor)
{
    public static ActorScope Of(int? unitId, IReadOnlySet<string> roles) =>
        new(unitId is { } unit && roles.Contains(Access.Roles.Recommender) ? new HashSet<int> { unit } : new HashSet<int>());
}

public static class ActorFiling
{
    /// <summary>The actor as the person and unit a filing's event records.</summary>
    public static Domain.Filings.FilingActor AsFiler(this Actor actor) =>
        new(actor.UserId ?? throw new InvalidOperationException("an anonymous actor cannot move a filing"),
            actor.UnitId ?? throw new InvalidOperationException("an actor without a unit cannot move a filing"));
}
