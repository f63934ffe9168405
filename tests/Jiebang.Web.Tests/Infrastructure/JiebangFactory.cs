using Jiebang.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>The app on its own throw-away database, with a fake clock set in the 2024 demand round.</summary>
public sealed class JiebangFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    TestDatabase? _database;
    /// <summary>The per-address request limit of the sign-in pages; null keeps the shipped default.</summary>
    public string? LoginsPerMinute { get; init; } = "1000";
    public string StorageRoot { get; init; } = Path.Combine(Path.GetTempPath(), $"jiebang-files-{Guid.NewGuid():N}");
    public string KeysDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"jiebang-keys-{Guid.NewGuid():N}");
    /// <summary>Another instance whose database this one opens too, as a second server or a stolen copy would.</summary>
    public JiebangFactory? SameDatabaseAs { get; init; }
    public CapturedErrors Logs { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 3, 20, 2, 0, 0, TimeSpan.Zero));
    public string Environment { get; init; } = "Testing";
    /// <summary>More configuration, as an operator's settings would give it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>Services a test puts in place of the app's own (after the app's registrations).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync() => _database = SameDatabaseAs?.Database ?? await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Database.Provider);
        if (LoginsPerMinute is not null) builder.UseSetting("RateLimits:LoginPerMinute", LoginsPerMinute);
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("Keys:Directory", KeysDirectory);
        builder.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    public JiebangDbContext CreateDbContext() =>
        Services.CreateScope().ServiceProvider.GetRequiredService<JiebangDbContext>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && SameDatabaseAs is null) await _database.DisposeAsync();
        if (Directory.Exists(StorageRoot)) Directory.Delete(StorageRoot, recursive: true);
        if (Directory.Exists(KeysDirectory)) Directory.Delete(KeysDirectory, recursive: true);
    }
}
