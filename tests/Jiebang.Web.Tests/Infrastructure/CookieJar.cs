using System.Net;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>A client's cookies that can be carried to another app instance, as a stolen or shared cookie would be.</summary>
public sealed class CookieJar(CookieContainer? cookies = null) : DelegatingHandler
{
    public CookieContainer Cookies { get; } = cookies ?? new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Cookies.GetCookieHeader(request.RequestUri!) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set) Cookies.SetCookies(request.RequestUri!, cookie);
        return response;
    }
}
