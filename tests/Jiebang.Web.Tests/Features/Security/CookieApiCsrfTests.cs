using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Security;

/// <summary>A cookie-authenticated API call that changes something must come from our pages.</summary>
[Trait("Category", "Database")]
public sealed class CookieApiCsrfTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    // Every state-changing /api route the app maps, with its parameters filled in.
    List<(string Method, string Url)> StateChangingApiRoutes() =>
        [.. host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true
                || e.RoutePattern.RawText?.StartsWith("api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern)))
            .Where(x => x.m is "POST" or "PUT" or "DELETE" or "PATCH")
            .Select(x => (x.m, "/" + string.Join("/", x.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "id" } => "1",
                _ => "x",
            })))).Replace("//", "/")))];

    [Fact]
    public async Task EveryStateChangingApiRoute_ForeignOriginWithoutToken_IsRefusedWithOurText()
    {
        var staff = await host.App.SignedInAsync("staff");
        staff.DefaultRequestHeaders.Remove("Origin");
        staff.DefaultRequestHeaders.Add("Origin", "https://evil.kjj.example.gov.cn");
        var routes = StateChangingApiRoutes();
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes found");
        foreach (var (method, url) in routes)
        {
            var response = await staff.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) },
                TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(AccessErrors.ForeignOrigin.At("").Message(CultureInfo.GetCultureInfo("zh-CN")),
                problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Reveal_NoOriginNoToken_IsRefused()
    {
        var staff = await host.App.SignedInAsync("staff");
        staff.DefaultRequestHeaders.Remove("Origin");
        var response = await staff.PostAsync($"/api/units/{host.Personas.UnitA}/contact-phone/reveal", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reveal_ForeignOriginWithTheToken_Passes()
    {
        var staff = await host.App.SignedInAsync("staff");
        var token = await staff.AntiforgeryTokenAsync("/Units");
        staff.DefaultRequestHeaders.Remove("Origin");
        staff.DefaultRequestHeaders.Add("Origin", "https://evil.kjj.example.gov.cn");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{host.Personas.UnitA}/contact-phone/reveal");
        request.Headers.Add("RequestVerificationToken", token);
        var response = await staff.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reveal_SameOriginWithoutToken_Passes()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostAsync($"/api/units/{host.Personas.UnitA}/contact-phone/reveal", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
