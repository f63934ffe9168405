namespace Jiebang.Web.Data;

/// <summary>Demo units and accounts for Development only; see the README for the accounts.</summary>
public static class DemoData
{
    public static Task SeedAsync(IServiceProvider services) => Task.CompletedTask;
}
