using Microsoft.Extensions.Configuration;

namespace Jiebang.Cli.Tests;

public sealed class CliServicesTests
{
    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Not inside the checkout.");
    }

    static string SqlitePathFrom(string start)
    {
        var configuration = CliServices.WithAppSqlitePath(new ConfigurationBuilder().Build(), CliServices.AppContentRoot(start));
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite")).DataSource;
    }

    [Theory]
    [InlineData("")]
    [InlineData("src/Jiebang.Cli")]
    [InlineData("docs")]
    public void DefaultSqlite_RunFromInsideTheCheckout_IsTheAppsDatabase(string from)
    {
        var root = RepositoryRoot();
        Assert.Equal(Path.Combine(root, "src", "Jiebang.Web", "data", "jiebang.db"), SqlitePathFrom(Path.Combine(root, from)));
    }

    [Fact]
    public void DefaultSqlite_OutsideACheckout_IsUnderTheWorkingDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("jiebang-cli-root-").FullName;
        try
        {
            Assert.Equal(Path.Combine(directory, "data", "jiebang.db"), SqlitePathFrom(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AbsoluteSqlitePath_IsKeptAsConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        { ["ConnectionStrings:Sqlite"] = "Data Source=/srv/jiebang/app.db" }).Build();
        Assert.Same(configuration, CliServices.WithAppSqlitePath(configuration, "/elsewhere"));
    }
}
