using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class WinnowingTests
{
    private const int Window = 24;

    [Fact]
    public void Fingerprints_KeepAboutTwoInWindowPlusOne()
    {
        var hashes = Shingles.Hashes(TextNormalizer.NormalizeText(TestTexts.Random(new Random(2), 50_000)));

        var density = Winnowing.Fingerprints(hashes, Window).Length / (double)hashes.Length;

        Assert.InRange(density, 1.8 / (Window + 1), 2.2 / (Window + 1));
    }

    [Fact]
    public void Fingerprints_SharedRunOfWindowPlusTwoChars_AlwaysShareOne()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var run = TestTexts.Random(random, Window + Shingles.Size - 1);
            var a = TextNormalizer.NormalizeText(TestTexts.Random(random, 300) + run + TestTexts.Random(random, 300));
            var b = TextNormalizer.NormalizeText(TestTexts.Random(random, 200) + run + TestTexts.Random(random, 400));

            var shared = Winnowing.Fingerprints(Shingles.Hashes(a), Window).Intersect(Winnowing.Fingerprints(Shingles.Hashes(b), Window));

            Assert.NotEmpty(shared);
        }
    }

    [Fact]
    public void Fingerprints_AreDistinctAndSorted()
    {
        var fingerprints = Winnowing.Fingerprints(Shingles.Hashes("本项目本项目本项目本项目本项目本项目本项目本项目本项目本项目"), Window);

        Assert.Equal(fingerprints.Distinct().Order(), fingerprints);
    }
}
