using Jiebang.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// The database services the web app uses, configured the same way: appsettings.json beside the
/// CLI, then environment variables (Database__Provider, ConnectionStrings__Sqlite / __Postgres).
/// A relative SQLite path is the app's: it is read from the app's content root (src/Jiebang.Web
/// in a checkout, wherever the CLI is run from inside it), not from the CLI's own directory.
/// </summary>
public static class CliServices
{
    public const string DefaultSqlite = "Data Source=data/jiebang.db";

    public static ServiceProvider Build(IConfiguration? overrides = null)
    {
        var configuration = overrides ?? WithAppSqlitePath(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build(), AppContentRoot(Directory.GetCurrentDirectory()));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddJiebangDatabase(configuration);
        services.AddSingleton<Jiebang.Web.Features.Forms.FormRegistry>();
        services.AddSingleton(configuration);
        Jiebang.Web.Features.Audit.AuditServices.AddAuditChain(services, configuration, Directory.GetCurrentDirectory(), runChainer: false);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The web app's whole service set (Identity, Data Protection with the key files, the use cases),
    /// configured exactly as the app is from its content root, for commands that act as the app does.
    /// </summary>
    public static Microsoft.AspNetCore.Builder.WebApplication BuildApp(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var root = AppContentRoot(Directory.GetCurrentDirectory());
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions { ContentRootPath = root });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        var sqlite = WithAppSqlitePath(builder.Configuration, root).GetConnectionString("Sqlite");
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Sqlite", sqlite)]);
        Jiebang.Web.JiebangApp.AddJiebang(builder);
        return builder.Build();
    }

    /// <summary>
    /// The web app's content root: src/Jiebang.Web of the checkout that holds <paramref name="start"/>
    /// (or the directory itself when it is that project); else <paramref name="start"/>, as when the
    /// CLI runs beside a deployed app.
    /// </summary>
    public static string AppContentRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.Web.csproj"))) return dir.FullName;
            var web = Path.Combine(dir.FullName, "src", "Jiebang.Web");
            if (File.Exists(Path.Combine(web, "Jiebang.Web.csproj"))) return web;
        }
        return Path.GetFullPath(start);
    }

    /// <summary>The configuration, with a relative SQLite data source made absolute under the app's content root.</summary>
    public static IConfiguration WithAppSqlitePath(IConfiguration configuration, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
        if (builder.DataSource is ":memory:" or "" || Path.IsPathRooted(builder.DataSource)) return configuration;
        builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        return new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = builder.ConnectionString })
            .Build();
    }
}
