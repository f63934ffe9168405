using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class ShinglesTests
{
    [Fact]
    public void Hashes_OnePerTrigram_InTextOrder()
    {
        var hashes = Shingles.Hashes("关键技术研究");

        Assert.Equal(4, hashes.Length);
        Assert.Equal(Shingles.Hash("关键技"), hashes[0]);
        Assert.Equal(Shingles.Hash("术研究"), hashes[3]);
    }

    [Fact]
    public void Hashes_SameTrigramAnywhere_SameHash()
    {
        var a = Shingles.Hashes("新材料研发");
        var b = Shingles.Hashes("开展新材料");

        Assert.Equal(a[0], b[2]);
        Assert.NotEqual(a[0], a[1]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("芯", 1)]
    [InlineData("芯片", 1)]
    [InlineData("芯片组", 1)]
    public void Hashes_ShortText_AtMostOneShingle(string text, int expected) =>
        Assert.Equal(expected, Shingles.Hashes(text).Length);

    [Fact]
    public void Hashes_ManyTrigrams_FewCollisions()
    {
        var text = TestTexts.Random(new Random(1), 20_000);
        var normalized = TextNormalizer.NormalizeText(text);
        var distinctTrigrams = Enumerable.Range(0, normalized.Length - 2).Select(i => normalized.Substring(i, 3)).Distinct().Count();

        Assert.Equal(distinctTrigrams, Shingles.Hashes(normalized).Distinct().Count());
    }
}
