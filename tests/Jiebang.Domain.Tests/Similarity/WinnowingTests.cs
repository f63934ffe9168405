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

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(Window)]
    public void SelectedInOrder_IsWhatTheDequeSelects_TiesIncluded(int window)
    {
        var random = new Random(window);
        for (var trial = 0; trial < 300; trial++)
        {
            // Few distinct values, so that windows often hold equal minima; short inputs too.
            var hashes = Enumerable.Range(0, random.Next(0, 200)).Select(_ => (uint)random.Next(trial % 2 == 0 ? 8 : int.MaxValue)).ToArray();
            var expected = new List<uint>();
            Winnowing.Select(hashes, window, (_, hash) => expected.Add(hash));

            Assert.Equal(expected, Winnowing.SelectedInOrder(hashes, window));
        }
    }

    [Fact]
    public void ShingleHashes_AreTheHashOfEachShingle()
    {
        var text = TextNormalizer.NormalizeText(TestTexts.Random(new Random(5), 500));

        Assert.Equal(Enumerable.Range(0, text.Length - 2).Select(i => Shingles.Hash(text.AsSpan(i, 3))), Shingles.Hashes(text));
        Assert.Equal([Shingles.Hash("ab")], Shingles.Hashes("ab"));
        Assert.Empty(Shingles.Hashes(""));
    }
}
