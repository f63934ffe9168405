// Not compiled in this project (see the .csproj): make-demo-fixture.sh copies this file into a checkout of
// the commit that makes the fixture and runs it there, once per provider.
#pragma warning disable xUnit1051, EF1002 // a one-off generator, not a test
using System.Diagnostics;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiebang.Web.Tests.Fixtures;

/// <summary>
/// The Development demo data of the commit it runs in (every stage that commit has, with records in each state),
/// written out as a database file (SQLite) or a plain dump (PostgreSQL) named after <c>JIEBANG_FIXTURE_NAME</c>.
/// </summary>
public sealed class DemoFixtureGenerator
{
    [Fact]
    public async Task Generate()
    {
        var output = Environment.GetEnvironmentVariable("JIEBANG_FIXTURE_OUT")
            ?? throw new InvalidOperationException("Set JIEBANG_FIXTURE_OUT to the fixture folder.");
        var name = Environment.GetEnvironmentVariable("JIEBANG_FIXTURE_NAME") ?? "demo";
        await using var app = new JiebangFactory { Environment = "Development" };
        await app.InitializeAsync();
        _ = app.CreateClient(); // starts the host: migrates, seeds reference and demo data

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        Directory.CreateDirectory(output);
        if (app.Database.Provider == "Sqlite")
        {
            var file = Path.Combine(output, name + ".sqlite");
            if (File.Exists(file)) File.Delete(file);
            await db.Database.ExecuteSqlRawAsync($"VACUUM INTO '{file}'");
        }
        else
        {
            var connection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
            var dump = Process.Start(new ProcessStartInfo("pg_dump",
                ["--no-owner", "--no-privileges", "--inserts", "-h", connection.Host!, "-U", connection.Username!,
                 "-f", Path.Combine(output, name + ".postgres.sql"), connection.Database!])
            { Environment = { ["PGPASSWORD"] = connection.Password } })!;
            await dump.WaitForExitAsync();
            if (dump.ExitCode != 0) throw new InvalidOperationException($"pg_dump exited {dump.ExitCode}");
        }
    }
}
