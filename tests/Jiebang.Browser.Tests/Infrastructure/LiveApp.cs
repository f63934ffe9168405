using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>The app on a real loopback port with its own SQLite file, for the browser to reach.</summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"jiebang-browser-{Guid.NewGuid():N}.db");

    public string RootUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // demo accounts are what the browser signs in with
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_databaseFile};Pooling=False");
        // Several people sign in from the same loopback address within a minute.
        builder.UseSetting("RateLimits:LoginPerMinute", "1000");
        builder.UseSetting("Storage:Root", Path.Combine(Path.GetTempPath(), $"jiebang-browser-files-{Guid.NewGuid():N}"));
        builder.UseSetting("Keys:Directory", Path.Combine(Path.GetTempPath(), $"jiebang-browser-keys-{Guid.NewGuid():N}"));
    }

    public LiveApp Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        RootUrl = addresses.Addresses.First().TrimEnd('/');
        return this;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (File.Exists(_databaseFile)) File.Delete(_databaseFile);
    }
}
