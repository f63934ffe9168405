using Jiebang.Web.Features.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Jiebang.Web.Tests.Features.Security;

public sealed class KeyFilesTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), $"jiebang-keyfiles-{Guid.NewGuid():N}");

    KeyFiles In(string environment, string? directory = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:Directory"] = directory }).Build(),
        new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _root });

    [Fact]
    public void DataProtectionKey_MissingInProduction_IsRefusedNamingTheFileAndTheCommand()
    {
        var keys = In(Environments.Production);
        Assert.False(keys.IsAvailable(KeyFiles.DataProtection));
        var error = Assert.Throws<InvalidOperationException>(() => keys.DataProtectionKey);
        Assert.Contains(Path.Combine(_root, "data", "keys", "data-protection.key"), error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
        Assert.False(File.Exists(keys.PathOf(KeyFiles.DataProtection)));
    }

    [Fact]
    public void DataProtectionKey_MissingInDevelopment_IsCreatedOnceReadableOnlyByTheOwner()
    {
        var key = In(Environments.Development, "secrets").DataProtectionKey;
        var path = Path.Combine(_root, "secrets", "data-protection.key");
        Assert.Equal(32, key.Length);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(key, In(Environments.Production, "secrets").DataProtectionKey);
    }

    [Fact]
    public async Task DataProtectionKey_CreatedByInstancesStartingTogether_IsOneKey()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => In(Environments.Development).DataProtectionKey)));
        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "data", "keys")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
