using Jiebang.Web.Data;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Jiebang.Web.Tests.Data;

public sealed class PoolLimitsTests
{
    static NpgsqlConnectionStringBuilder Limited(string connection, Dictionary<string, string?>? settings = null) =>
        new(DatabaseSetup.WithPoolLimits(connection, new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build()));

    [Fact]
    public void WithPoolLimits_NothingConfigured_StaysBelowTheServersConnectionsAndQueues()
    {
        var limited = Limited("Host=db;Username=jiebang");
        Assert.Equal(40, limited.MaxPoolSize);
        Assert.Equal(30, limited.Timeout);
        Assert.Equal("db", limited.Host);
    }

    [Fact]
    public void WithPoolLimits_Configured_TakesTheConfiguration()
    {
        var limited = Limited("Host=db", new() { ["Database:MaxPoolSize"] = "25", ["Database:ConnectionTimeoutSeconds"] = "60" });
        Assert.Equal(25, limited.MaxPoolSize);
        Assert.Equal(60, limited.Timeout);
    }

    [Fact]
    public void WithPoolLimits_ConnectionStringSaysSo_KeepsItsValues()
    {
        var limited = Limited("Host=db;Maximum Pool Size=10;Timeout=5", new() { ["Database:MaxPoolSize"] = "25" });
        Assert.Equal(10, limited.MaxPoolSize);
        Assert.Equal(5, limited.Timeout);
    }
}
