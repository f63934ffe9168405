using Jiebang.Domain.Filings;

namespace Jiebang.Domain.Tests.Filings;

public sealed class ReceiptPrefixTests
{
    static ReceiptPrefix.Range R(int from, int to) => new(from, to);

    [Fact]
    public void Parse_WholeReceipt_NamesItsRoundAndId()
    {
        var prefix = ReceiptPrefix.Parse(" xq003-000042-2 ", "XQ")!;
        Assert.Equal("XQ003-000042-2", prefix.Text);
        Assert.Equal([R(3, 3)], prefix.Rounds);
        Assert.Equal([R(42, 42)], prefix.Ids);
    }

    [Fact]
    public void Parse_RoundAndIdWithoutVersion_CoversEveryIdThatStartsSo()
    {
        var prefix = ReceiptPrefix.Parse("XQ003-00004", "XQ")!;
        Assert.Equal([R(3, 3)], prefix.Rounds);
        // 000040..000049 as padded; no longer id starts with a zero.
        Assert.Equal([R(40, 49)], prefix.Ids);
    }

    [Fact]
    public void Parse_IdPrefixWithoutLeadingZero_ReachesIdsPastSixDigits()
    {
        var prefix = ReceiptPrefix.Parse("XQ012-12345", "XQ")!;
        Assert.Equal([R(12, 12)], prefix.Rounds);
        Assert.Equal(R(123450, 123459), prefix.Ids[0]);
        Assert.Equal(R(1234500, 1234599), prefix.Ids[1]);
    }

    [Fact]
    public void Parse_RoundOnly_TakesEveryIdOfTheRound()
    {
        var prefix = ReceiptPrefix.Parse("XQ003", "XQ")!;
        Assert.Equal([R(3, 3)], prefix.Rounds);
        Assert.Equal([R(1, int.MaxValue)], prefix.Ids);
    }

    [Fact]
    public void Parse_ShortIdFollowedByAVersion_MatchesNoId()
    {
        // A receipt pads its id to six digits: "42" followed by a version is no receipt's.
        Assert.Empty(ReceiptPrefix.Parse("XQ003-42-1", "XQ")!.Ids);
    }

    [Theory]
    [InlineData("降噪")]
    [InlineData("XQ")]
    [InlineData("XQ03")]
    [InlineData("SB003-000001-1")]
    [InlineData("XQ003 000001")]
    public void Parse_TextThatIsNoReceipt_IsNull(string text) => Assert.Null(ReceiptPrefix.Parse(text, "XQ"));
}
