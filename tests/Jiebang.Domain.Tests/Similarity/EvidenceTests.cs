using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class EvidenceTests
{
    [Fact]
    public void Align_OneSharedPassage_ExactOffsetsInBothOriginals()
    {
        const string passage = "研制高精度光纤光栅传感器阵列";  // 14 字
        const string a = "甲乙丙丁" + passage + "戊己庚";
        const string b = "子丑，" + passage + "寅卯辰巳";

        var span = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(new EvidenceSpan(4, 14, 3, 14), span);
    }

    [Fact]
    public void Align_PunctuationInsideThePassage_SpanCoversItInEachOriginal()
    {
        const string a = "前言文字：研制高精度，光纤光栅传感器阵列。后记";
        const string b = "研制高精度光纤光栅（传感器）阵列";

        var span = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal("研制高精度，光纤光栅传感器阵列", a.Substring(span.AStart, span.ALength));
        Assert.Equal("研制高精度光纤光栅（传感器）阵列", b.Substring(span.BStart, span.BLength));
    }

    [Fact]
    public void Align_SynonymSwappedInside_OnePassageAcrossTheGap()
    {
        const string a = "本课题采用深度神经网络方法对工业图像中的微小缺陷进行自动识别与精确定位";
        const string b = "本课题采用深度神经网络技术对工业图像中的微小缺陷进行自动识别与精确定位";

        var span = Assert.Single(PassageAligner.Align(a, b));

        Assert.Equal(new EvidenceSpan(0, a.Length, 0, b.Length), span);
    }

    [Fact]
    public void Align_ReorderedPassages_BothFoundInTheOrderOfA()
    {
        const string first = "建立多源异构数据融合的城市内涝预警模型";
        const string second = "开发面向基层应急管理部门的可视化决策平台";
        var a = first + "。" + second;
        var b = second + "；" + first;

        var spans = PassageAligner.Align(a, b);

        Assert.Equal([new EvidenceSpan(0, first.Length, second.Length + 1, first.Length), new EvidenceSpan(first.Length + 1, second.Length, 0, second.Length)], spans);
    }

    [Fact]
    public void Align_ShorterThanMinimum_NothingReported() =>
        Assert.Empty(PassageAligner.Align("甲乙丙关键技术研究丁戊", "子丑关键技术研究寅卯"));

    [Fact]
    public void Evidence_BoilerplateOfTheCorpus_IsLeftOut()
    {
        const string boilerplate = "项目实施后整体技术达到国内领先水平";
        var random = new Random(12);
        var index = new SimilarityIndex();
        for (var id = 0; id < 300; id++) index.Add(id, TestTexts.Random(random, 200) + boilerplate + TestTexts.Random(random, 200));
        index.Compact();
        const string reused = "研制高精度光纤光栅传感器阵列实现桥梁应变在线监测";
        var a = TestTexts.Random(random, 100) + boilerplate + TestTexts.Random(random, 100) + reused;
        var b = reused + TestTexts.Random(random, 100) + boilerplate;

        var span = Assert.Single(index.Evidence(a, b));

        Assert.Equal(reused, a.Substring(span.AStart, span.ALength));
        Assert.Equal(2, PassageAligner.Align(a, b).Count);
    }
}
