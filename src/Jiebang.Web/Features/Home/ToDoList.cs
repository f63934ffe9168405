using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Home;

/// <summary>What each role has to do now, for its home page. Texts are resource keys.</summary>
public sealed class ToDoList(JiebangDbContext db, TimeProvider clock)
{
    public sealed record Item(string TextKey, int Count, string Link);
    public sealed record OpenRound(int Id, string Title, RoundKind Kind, string ClosesAtChina);
    public sealed record View(IReadOnlyList<Item> Items, IReadOnlyList<OpenRound> OpenRounds, string EmptyStateKey, string? UnitName, UnitStatus? UnitStatus);

    public async Task<View> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = (await db.Rounds.AsNoTracking().Where(r => r.OpensAt <= now && now < r.ClosesAt)
                .OrderBy(r => r.ClosesAt).ToListAsync(cancellationToken))
            .Select(r => new OpenRound(r.Id, r.Title, r.Kind, ChinaTime.Format(r.ClosesAt))).ToList();
        var unit = actor.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Status }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var items = new List<Item>();
        if (actor.IsStaff)
        {
            var pending = await db.Units.CountAsync(u => u.Status == UnitStatus.Pending, cancellationToken);
            if (pending > 0) items.Add(new Item("ToDo_PendingUnits", pending, "/Units?status=Pending"));
        }
        var emptyKey = !actor.IsSignedIn ? "Empty_Anonymous"
            : actor.IsStaff ? "Empty_Staff"
            : actor.IsAdmin ? "Empty_Admin"
            : actor.Roles.Contains(Roles.Expert) ? "Empty_Expert"
            : actor.Roles.Contains(Roles.Recommender) ? "Empty_Recommender"
            : "Empty_Applicant";
        return new View(items, open, emptyKey, unit?.Name, unit?.Status);
    }
}
