using System.Text;

namespace Jiebang.Domain.Tests.Similarity;

/// <summary>Random Chinese text: unrelated texts share almost no trigram, so the expected overlap is the planted one.</summary>
internal static class TestTexts
{
    public static string Random(Random random, int length, int alphabet = 3000)
    {
        var text = new StringBuilder(length + length / 15);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)(0x4E00 + random.Next(alphabet)));
            if (random.Next(15) == 0) text.Append(random.Next(3) == 0 ? '。' : '，');
        }
        return text.ToString();
    }

    public static HashSet<uint> ShingleSet(string text) =>
        [.. Jiebang.Domain.Similarity.Shingles.Hashes(Jiebang.Domain.Similarity.TextNormalizer.NormalizeText(text))];
}
