using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class EstimatorTests
{
    // Winnowing samples about 2/(w+1) of the shingles: for these texts about 200 fingerprints of
    // the union, a standard error near 0.03 on the estimates. 0.1 is three of them and some bias
    // at the edges of edited blocks, where windows straddle old and new text.
    private const double ErrorBound = 0.1;

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.7)]
    [InlineData(0.5)]
    [InlineData(0.3)]
    public void Resemblance_BlocksKeptAtRate_WithinBoundOfExactJaccard(double kept)
    {
        var random = new Random((int)(kept * 100));
        for (var trial = 0; trial < 10; trial++)
        {
            var blocks = Enumerable.Range(0, 20).Select(_ => TestTexts.Random(random, 100)).ToArray();
            var a = string.Concat(blocks);
            var b = string.Concat(blocks.Select(block => random.NextDouble() < kept ? block : TestTexts.Random(random, 100)));

            var match = OnlyMatch(a, b);

            Assert.InRange(match.Resemblance - ExactJaccard(a, b), -ErrorBound, ErrorBound);
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(600)]
    public void Containment_PartOfShortTextInsideLongOne_WithinBoundOfExact(int length)
    {
        var random = new Random(length);
        for (var trial = 0; trial < 10; trial++)
        {
            var inside = TestTexts.Random(random, length / 2);
            var shortText = inside + TestTexts.Random(random, length / 2);
            var longText = TestTexts.Random(random, 1000) + inside + TestTexts.Random(random, 1000);

            var match = OnlyMatch(longText, shortText);

            var exact = ExactContainment(shortText, longText);
            Assert.InRange(match.Containment - exact, -ErrorBound, ErrorBound);
        }
    }

    [Fact]
    public void Query_UnrelatedText_NoMatch()
    {
        var random = new Random(4);
        var index = new SimilarityIndex();
        index.Add(1, TestTexts.Random(random, 1000));

        Assert.Empty(index.Query(TestTexts.Random(random, 1000), 10, 0.0));
    }

    private static Match OnlyMatch(string query, string indexed)
    {
        var index = new SimilarityIndex();
        index.Add(1, indexed);
        return Assert.Single(index.Query(query, 10, 0.0));
    }

    private static double ExactJaccard(string a, string b)
    {
        var (sa, sb) = (TestTexts.ShingleSet(a), TestTexts.ShingleSet(b));
        var common = sa.Count(sb.Contains);
        return common / (double)(sa.Count + sb.Count - common);
    }

    private static double ExactContainment(string inner, string outer)
    {
        var (si, so) = (TestTexts.ShingleSet(inner), TestTexts.ShingleSet(outer));
        return si.Count(so.Contains) / (double)si.Count;
    }
}
