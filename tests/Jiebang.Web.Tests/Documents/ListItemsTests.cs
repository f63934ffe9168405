using Jiebang.Web.Documents;

namespace Jiebang.Web.Tests.Documents;

/// <summary>A list written in one cell, split into its items: numbers decide, and decimals are not numbers.</summary>
public sealed class ListItemsTests
{
    static IReadOnlyList<string> Split(params string[] paragraphs) => ListItems.Split([.. paragraphs.Select(p => p.Split('\n'))]);

    [Fact]
    public void Decimals_AndNumbersOutOfSequence_DoNotStartItems()
    {
        Assert.Equal(["厚度 0.1mm，公差 2.5%", "配套 5、 6 号炉 650℃"], Split("1.厚度 0.1mm，公差 2.5%", "2.配套 5、 6 号炉 650℃"));
    }

    [Fact]
    public void NumbersFollowingOnOneLine_AreSeparateItems()
    {
        Assert.Equal(["抗拉强度≥600MPa", "导电率≥80%", "硬度 HV 180"], Split("1.抗拉强度≥600MPa；2.导电率≥80% 3)硬度 HV 180"));
    }

    [Fact]
    public void ChineseNumerals_AndUnnumberedLines_ContinueTheirItem()
    {
        Assert.Equal(["抗拉强度≥600MPa，在室温下测定", "导电率≥80%"], Split("一、抗拉强度≥600MPa，\n在室温下测定", "", "二、导电率≥80%"));
    }

    [Fact]
    public void WithoutNumbers_ParagraphsWithTypedBreaks_AreOneItemEach()
    {
        Assert.Equal(["抗拉强度≥600MPa（室温）", "导电率≥80%"], Split("抗拉强度≥600MPa\n（室温）", "导电率≥80%"));
    }

    [Fact]
    public void Nothing_GivesNoItems()
    {
        Assert.Empty(Split("", " ", "；"));
    }
}
