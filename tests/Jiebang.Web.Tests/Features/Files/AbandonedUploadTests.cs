using Jiebang.Web.Features.Files;
using Microsoft.Extensions.Configuration;

namespace Jiebang.Web.Tests.Features.Files;

/// <summary>An upload cut off by a crash leaves its temporary file; the next start removes it once it is old.</summary>
public sealed class AbandonedUploadTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("jiebang-store-").FullName;

    FileStore Store() => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Root"] = _root }).Build());

    [Fact]
    public void RemoveAbandonedUploads_OldAndFreshTemporaryFiles_RemovesOnlyTheOld()
    {
        var tmp = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        var abandoned = Path.Combine(tmp, "abandoned");
        var receiving = Path.Combine(tmp, "receiving");
        File.WriteAllText(abandoned, "half a scan");
        File.WriteAllText(receiving, "an upload another instance is receiving");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        Assert.Equal(1, Store().RemoveAbandonedUploads(TimeSpan.FromHours(1)));
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(receiving));
    }

    [Fact]
    public void RemoveAbandonedUploads_NoTemporaryDirectory_RemovesNothing() =>
        Assert.Equal(0, Store().RemoveAbandonedUploads(TimeSpan.FromHours(1)));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
