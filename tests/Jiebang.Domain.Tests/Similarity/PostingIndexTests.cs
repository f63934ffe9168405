using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class PostingIndexTests
{
    /// <summary>
    /// Both layouts of the frozen part (a key's start beside each distinct key, or the key repeated at each
    /// posting) answer every key as a dictionary would, through merges that drop removed documents, and
    /// after a save and load.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FrozenAndTail_ThroughMergesAndRemovals_AnswerAsADictionary(bool repeatsKeys)
    {
        var random = new Random(21);
        var index = new PostingIndex(repeatsKeys);
        var expected = new Dictionary<uint, List<int>>();
        var alive = new bool[3000];
        // Keys that share their top 16 bits and neighbouring low bits (0xFFFF and 0x0000 included), held by one or many documents.
        uint[] common = [0x0001FFFF, 0x00020000, 0x00020001, 0x7FFF0000, 0xFFFFFFFF];
        for (var doc = 0; doc < alive.Length; doc++)
        {
            alive[doc] = true;
            var keys = Enumerable.Range(0, 8).Select(_ => (uint)random.NextInt64(0, 1L << 32))
                .Concat(common.Where(_ => random.Next(3) == 0)).Distinct().ToArray();
            index.Add(doc, keys);
            foreach (var key in keys) (expected.TryGetValue(key, out var docs) ? docs : expected[key] = []).Add(doc);
            if (doc % 1000 == 999)
            {
                for (var removed = doc - 999; removed <= doc; removed += 7) alive[removed] = false;
                index.Merge(alive);
            }
        }
        index.Merge(alive);

        AssertAnswers(index, expected, alive);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) index.WriteTo(writer);
        ReadOnlySpan<byte> bytes = stream.ToArray();
        var loaded = PostingIndex.ReadFrom(ref bytes);
        Assert.Equal(repeatsKeys, loaded.RepeatsKeys);
        Assert.Equal(0, bytes.Length);
        AssertAnswers(loaded, expected, alive);
        Assert.Empty(loaded.Frozen(0x00030000).ToArray());
    }

    [Fact]
    public void RepeatedKeys_OfOneDocumentEach_TakeLessMemoryThanStarts()
    {
        var random = new Random(22);
        var withStarts = new PostingIndex();
        var repeated = new PostingIndex(repeatsKeys: true);
        for (var doc = 0; doc < 20_000; doc++)
        {
            var keys = Enumerable.Range(0, 20).Select(_ => (uint)random.NextInt64(0, 1L << 32)).Distinct().ToArray();
            withStarts.Add(doc, keys);
            repeated.Add(doc, keys);
        }
        withStarts.Merge(null);
        repeated.Merge(null);

        var perPosting = (repeated.MemoryBytes - 4L * 65537) / (double)repeated.PostingCount;
        Assert.True(perPosting < 6.1, $"{perPosting:F2} B a posting");
        Assert.True(withStarts.MemoryBytes - repeated.MemoryBytes > 3.9 * repeated.PostingCount,
            $"{withStarts.MemoryBytes} against {repeated.MemoryBytes}");
    }

    static void AssertAnswers(PostingIndex index, Dictionary<uint, List<int>> expected, bool[] alive)
    {
        foreach (var (key, docs) in expected)
        {
            var live = docs.Where(d => alive[d]).ToArray();
            Assert.Equal(live, index.Frozen(key).ToArray());
            Assert.Equal(live.Length, index.Count(key));
        }
    }
}
