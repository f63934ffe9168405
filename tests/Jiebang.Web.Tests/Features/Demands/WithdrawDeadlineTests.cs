using System.Net;
using System.Net.Http.Json;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>The withdraw button and the withdraw call both answer to the round's deadline.</summary>
[Trait("Category", "Database")]
public sealed class WithdrawDeadlineTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithdrawButton_OpenRound_IsShown()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30));
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, roundId: round);
        var owner = await host.App.SignedInAsync("applicant-a");
        Assert.Contains("handler=Withdraw", await owner.GetStringAsync($"/Demands/Details/{id}", Ct));
    }

    [Fact]
    public async Task WithdrawButton_AfterTheDeadline_IsHiddenAndTheCallRefused()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(-1));
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, roundId: round);
        var owner = await host.App.SignedInAsync("applicant-a");
        Assert.DoesNotContain("handler=Withdraw", await owner.GetStringAsync($"/Demands/Details/{id}", Ct));
        var refused = await owner.PostAsync($"/api/demands/{id}/withdraw", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("DEMAND_ROUND_CLOSED", await refused.Content.ReadAsStringAsync(Ct));
    }
}
