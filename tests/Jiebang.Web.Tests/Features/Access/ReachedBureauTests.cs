using System.Linq.Expressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Access;

/// <summary>
/// Staff see a demand by its stored reached-the-bureau marker (<see cref="Demand.ReachedBureauAt"/>): the same demands,
/// in every state and channel, as the rule that read the versions and events before it.
/// </summary>
[Trait("Category", "Database")]
public sealed class ReachedBureauTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The bureau's branch of the visibility rule as it was before the marker, from the versions and events.</summary>
    internal static readonly Expression<Func<Demand, bool>> RuleBeforeTheMarker = d => d.Status == DemandStatus.ForwardedToBureau
        || (d.Status == DemandStatus.Submitted && d.RecommenderUnitId == null)
        || (d.RecommenderUnitId == null && d.Versions.Any())
        || d.Events.Any(e => e.To == DemandStatus.ForwardedToBureau || e.To == DemandStatus.Accepted);

    /// <summary>A step a demand takes after its first draft save, by the filer, its recommending unit or the bureau.</summary>
    delegate RuleError? Step(Demand demand, FilingWindow window, DateTimeOffset at);

    static FilingActor Filer(Demand d) => new("test-filer", d.OwnerUnitId);
    static FilingActor Other => new("test-reviewer", 1);

    static readonly Step Submit = (d, w, at) => d.Submit(w, [], Filer(d), at);
    static readonly Step Withdraw = (d, w, at) => d.Withdraw(w, Filer(d), at);
    static readonly Step Screen = (d, _, at) => d.Screen(ScreeningDecision.Accept, null, Other, at);
    static readonly Step ScreenBack = (d, _, at) => d.Screen(ScreeningDecision.Return, "请补充", Other, at);
    static readonly Step ScreenOut = (d, _, at) => d.Screen(ScreeningDecision.Reject, "不符合", Other, at);
    static readonly Step Forward = (d, _, at) => d.Forward(1, Other, at);
    static readonly Step Accept = (d, _, at) => d.Accept(ScreeningDecision.Accept, null, Other, at);
    static readonly Step AcceptBack = (d, _, at) => d.Accept(ScreeningDecision.Return, "请修改", Other, at);
    static readonly Step AcceptOut = (d, _, at) => d.Accept(ScreeningDecision.Reject, "不予受理", Other, at);

    /// <summary>The filer saves the draft again, now naming <paramref name="recommender"/> (null: straight to the bureau).</summary>
    static Step ChooseRecommender(int? recommender) =>
        (d, _, at) => d.SaveDraft(d.DraftJson, new DemandSummary(d.Title, d.Area, d.Directions, d.SearchText),
            recommender is null ? DemandKind.EnterpriseOwn : DemandKind.IndustryCommon, recommender, at);

    /// <summary>Each case: its name, whether it goes through the association, its steps, and whether staff see it.</summary>
    (string Name, bool ViaAssociation, Step[] Steps, bool StaffSee)[] Cases(int association) =>
    [
        ("direct draft", false, [], false),
        ("direct submitted", false, [Submit], true),
        ("direct withdrawn", false, [Submit, Withdraw], true),
        ("direct returned by the bureau", false, [Submit, AcceptBack], true),
        ("direct returned and resubmitted", false, [Submit, AcceptBack, Submit], true),
        ("direct rejected", false, [Submit, AcceptOut], true),
        ("direct accepted", false, [Submit, Accept], true),
        // The rule reads the current recommending unit: one chosen after a return hides what was sent directly.
        ("direct returned, then an association chosen", false, [Submit, AcceptBack, ChooseRecommender(association)], false),
        ("direct withdrawn, then an association chosen and resubmitted", false, [Submit, Withdraw, ChooseRecommender(association), Submit], false),
        ("via association draft", true, [], false),
        ("via association submitted", true, [Submit], false),
        ("via association withdrawn", true, [Submit, Withdraw], false),
        ("via association returned by it", true, [Submit, ScreenBack], false),
        ("via association rejected by it", true, [Submit, ScreenOut], false),
        ("via association recommended", true, [Submit, Screen], false),
        ("via association forwarded", true, [Submit, Screen, Forward], true),
        ("via association forwarded and accepted", true, [Submit, Screen, Forward, Accept], true),
        ("via association forwarded and returned by the bureau", true, [Submit, Screen, Forward, AcceptBack], true),
        ("via association forwarded, returned, resubmitted", true, [Submit, Screen, Forward, AcceptBack, Submit], true),
        ("via association forwarded and rejected", true, [Submit, Screen, Forward, AcceptOut], true),
        // ... and dropping the association after a submit shows the bureau a demand that was never sent to it.
        ("via association returned by it, then made direct", true, [Submit, ScreenBack, ChooseRecommender(null)], true),
        ("via association withdrawn, then made direct", true, [Submit, Withdraw, ChooseRecommender(null)], true),
        ("via association draft, then made direct", true, [ChooseRecommender(null)], false),
    ];

    [Fact]
    public async Task Marker_DemandsInEveryStateAndChannel_StaffSeeWhatTheRuleBeforeItShowed()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));
        var cases = Cases(host.Personas.Association);
        var ids = new Dictionary<string, int>();
        await using (var db = host.App.CreateDbContext())
        {
            var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
            var window = new FilingWindow(r.OpensAt, r.ClosesAt);
            var at = host.App.Clock.GetUtcNow();
            foreach (var (name, viaAssociation, steps, _) in cases)
            {
                int? recommender = viaAssociation ? host.Personas.Association : null;
                var kind = viaAssociation ? DemandKind.IndustryCommon : DemandKind.EnterpriseOwn;
                var demand = Demand.Start(round, host.Personas.UnitA, "annex2", 1, kind, recommender, at);
                demand.SaveDraft("""{"demandName":"可见性"}""", new DemandSummary(name, "新材料", "高分子材料", name), kind, recommender, at);
                db.Demands.Add(demand);
                await db.SaveChangesAsync(Ct);
                foreach (var (step, i) in steps.Select((s, i) => (s, i)))
                    Assert.True(step(demand, window, at.AddMinutes(i + 1)) is null, $"{name}: step {i + 1} refused");
                await db.SaveChangesAsync(Ct);
                ids[name] = demand.Id;
            }
        }

        var staff = new Actor("test-staff", "test-staff", host.Personas.Bureau, new HashSet<string> { Roles.Staff });
        await using (var db = host.App.CreateDbContext())
        {
            var ours = db.Demands.Where(d => d.RoundId == round);
            var byMarker = (await ours.VisibleTo(staff).Select(d => d.Id).ToListAsync(Ct)).ToHashSet();
            var byRuleBefore = (await ours.Where(RuleBeforeTheMarker).Select(d => d.Id).ToListAsync(Ct)).ToHashSet();
            var loaded = await ours.Include(d => d.Versions).Include(d => d.Events).AsSplitQuery().ToDictionaryAsync(d => d.Id, Ct);
            foreach (var (name, _, _, staffSee) in cases)
            {
                var id = ids[name];
                Assert.True(staffSee == byRuleBefore.Contains(id), $"{name}: the rule before the marker says {byRuleBefore.Contains(id)}");
                Assert.True(staffSee == byMarker.Contains(id), $"{name}: the marker's list says {byMarker.Contains(id)}");
                Assert.True(staffSee == (DemandPolicy.WhyNotView(staff, loaded[id]) is null), $"{name}: the record's own check disagrees");
                Assert.Equal(staffSee, loaded[id].ReachedBureauAt is not null);
            }
        }
    }

    [Fact]
    public async Task Marker_DirectSubmitThenReturnAndResubmit_KeepsTheFirstTime()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(10));
        await using var db = host.App.CreateDbContext();
        var r = await db.Rounds.SingleAsync(x => x.Id == round, Ct);
        var window = new FilingWindow(r.OpensAt, r.ClosesAt);
        var at = host.App.Clock.GetUtcNow();
        var demand = Demand.Start(round, host.Personas.UnitA, "annex2", 1, DemandKind.EnterpriseOwn, null, at);
        demand.SaveDraft("{}", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, at);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        Assert.Null(demand.ReachedBureauAt);

        Assert.Null(Submit(demand, window, at.AddHours(1)));
        Assert.Null(AcceptBack(demand, window, at.AddHours(2)));
        Assert.Null(demand.SaveDraft("""{"x":1}""", DemandSummary.Empty, DemandKind.EnterpriseOwn, null, at.AddHours(3)));
        Assert.Null(Submit(demand, window, at.AddHours(4)));
        await db.SaveChangesAsync(Ct);

        var stored = await db.Demands.AsNoTracking().Where(d => d.Id == demand.Id).Select(d => d.ReachedBureauAt).SingleAsync(Ct);
        Assert.Equal(at.AddHours(1), stored);
    }
}
