using Jiebang.Web.Data;

namespace Jiebang.Cli;

/// <summary>`jiebang migrate`: applies pending migrations and loads reference data, as the web app does at start.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await DatabaseSetup.MigrateAndSeedAsync(services);
        await output.WriteLineAsync("migrated / 数据库已迁移");
        return ExitCodes.Success;
    }
}
