using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Accounts;

[Trait("Category", "Database")]
public sealed class SignInTests : IAsyncLifetime
{
    readonly JiebangFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.NewClient(); // start the host, which migrates and seeds
        await Personas.CreateAsync(_app.Services);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Staff_WithAuthenticatorCode_ReachesStaffPages()
    {
        var staff = await _app.SignedInAsync("staff");
        var response = await staff.GetAsync("/Units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
