namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>A started app on a fresh database with the <see cref="Personas"/> in it; one per test class.</summary>
public sealed class AppWithPersonas : IAsyncLifetime
{
    public JiebangFactory App { get; } = new();
    public Personas Personas { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        App.NewClient(); // starts the host, which migrates and seeds
        Personas = await Personas.CreateAsync(App.Services);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
