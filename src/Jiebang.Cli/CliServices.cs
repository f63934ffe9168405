using Jiebang.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// The database services the web app uses, configured the same way: appsettings.json beside the
/// CLI, then environment variables (Database__Provider, ConnectionStrings__Sqlite / __Postgres).
/// </summary>
public static class CliServices
{
    public static ServiceProvider Build(IConfiguration? overrides = null)
    {
        var configuration = overrides ?? new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddJiebangDatabase(configuration);
        services.AddSingleton<Jiebang.Web.Features.Forms.FormRegistry>();
        services.AddSingleton(configuration);
        Jiebang.Web.Features.Audit.AuditServices.AddAuditChain(services, configuration, Directory.GetCurrentDirectory(), runChainer: false);
        return services.BuildServiceProvider();
    }
}
