using Jiebang.Web.Tests.Features.Access;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Data;

/// <summary>
/// The Lists_ReachedBureau migration marks, in databases made before it, exactly the demands that the visibility rule
/// before it showed the bureau (from their versions and events), each at a time no later than its last change.
/// </summary>
[Trait("Category", "Database")]
public sealed class ReachedBureauUpgradeTests
{
    [Theory]
    [InlineData("upgrade")]
    [InlineData("demo")]
    public async Task Migrate_FixtureDemandsInEveryState_MarksExactlyWhatTheRuleBeforeShowedTheBureau(string fixture)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await UpgradeTests.LoadFixtureAsync(database, fixture, ct);
        await using var db = UpgradeTests.Context(database);
        await db.Database.MigrateAsync(ct);

        var byRuleBefore = await db.Demands.Where(ReachedBureauTests.RuleBeforeTheMarker).Select(d => d.Id).Order().ToListAsync(ct);
        var marked = await db.Demands.Where(d => d.ReachedBureauAt != null)
            .Select(d => new { d.Id, d.ReachedBureauAt, d.UpdatedAt }).OrderBy(d => d.Id).ToListAsync(ct);
        var all = await db.Demands.CountAsync(ct);

        Assert.NotEmpty(byRuleBefore);
        Assert.True(byRuleBefore.Count < all, $"{fixture}: every demand reached the bureau, so the test shows nothing");
        Assert.Equal(byRuleBefore, marked.Select(d => d.Id));
        Assert.All(marked, d => Assert.True(d.ReachedBureauAt <= d.UpdatedAt, $"demand {d.Id} reached the bureau after its last change"));
    }
}
