using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Web.Documents;
using static Jiebang.Web.Tests.Documents.BureauDocument;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// The bureau's annex 1 lays out 核心技术参数（5项以上） as two rows of its big table, the label merged
/// down over both: "对标产品（技术）：" and "研发产品（技术）：", each followed by a value cell in
/// which the filer lists the parameters as free text. Each list is split into items and the two
/// are paired in order into the rows of coreParameters.
/// </summary>
public sealed class BureauParametersTests
{
    internal static readonly string[] Benchmark = ["抗拉强度 580MPa", "导电率 75%IACS", "厚度公差 ±2μm", "弯曲半径 R/t≤1.5", "软化温度 450℃"];
    internal static readonly string[] Developed = ["抗拉强度≥600MPa", "导电率≥80%IACS", "厚度公差±1.5μm", "弯曲半径 R/t≤1", "软化温度≥500℃"];

    /// <summary>How the filer wrote the two lists: the paragraphs of the benchmark cell and of the developed cell.</summary>
    internal static (string[] Benchmark, string[] Developed) Written(string style) => style switch
    {
        "numbered" => (Numbered(Benchmark, "{0}.{1}"), Numbered(Developed, "{0}、{1}")),
        "parenthesised and circled" => (Numbered(Benchmark, "（{0}）{1}"), [.. Developed.Select((d, i) => $"{(char)('①' + i)}{d}")]),
        "one line per parameter" => ([.. Benchmark.SelectMany(b => new[] { b + "；", "" })], ["", .. Developed, ""]),
        "typed line breaks" => ([string.Join("\n", Benchmark)], ["1.抗拉强度\n≥600MPa", "2.导电率\n≥80%IACS", "3.厚度公差±1.5μm", "4.弯曲半径 R/t\n≤1", "5.软化温度≥500℃"]),
        "semicolons" => ([string.Join("；", Benchmark) + "。"], [string.Join("; ", Developed)]),
        "full-width digits" => (Numbered(Benchmark, "{0}．{1}", fullWidth: true), Numbered(Developed, "（{0}）{1}", fullWidth: true)),
        "numbered on one line" => ([string.Join(" ", Benchmark.Select((b, i) => $"{i + 1}.{b}"))],
                                   [string.Join("", Developed.Select((d, i) => $"{(char)('①' + i)}{d}；"))]),
        "heading, then numbered" => (["主要参数如下：", .. Numbered(Benchmark, "{0}.{1}")],
                                     ["研发产品参数：", .. Numbered(Developed, "{0}.{1}")[..3], "", .. Numbered(Developed, "{0}.{1}")[3..]]),
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };

    static string[] Numbered(string[] items, string format, bool fullWidth = false) => [.. items.Select((item, i) =>
        string.Format(format, fullWidth ? ((char)('０' + i + 1)).ToString() : (i + 1).ToString(), item))];

    public static TheoryData<string> Styles =>
        ["numbered", "parenthesised and circled", "one line per parameter", "typed line breaks", "semicolons",
         "full-width digits", "numbered on one line", "heading, then numbered"];

    /// <summary>Annex 1 as the bureau's template lays it out, with the parameter rows given.</summary>
    internal static byte[] Annex1(params Cell[][] parameterRows) => Of([
        [Text("需求名称"), Text("高性能铜合金精密带材关键制备技术")],
        [Text("对标单位及产品（型号）"), Text("国别__日本__单位__某铜业株式会社__产品型号__C7025__")],
        .. parameterRows,
        [Text("攻关水平", "（可多选）"), Text("□1.领跑（无人区）技术", "☑2.达到对标国际先进技术水平", "□3.超过对标国际先进技术水平")],
        [Text("攻关成果潜在的应用单位及联系方式", "（3家以上）"),
            Text("单位：应用单位甲    联系人：王工    联系方式：13800000001", "单位：应用单位乙    联系人：李工    联系方式：13800000002", "单位：           联系人：           联系方式            ")],
        [Text("推荐攻关优势单位"), Text("某大学材料学院")],
    ]);

    /// <summary>The two rows: label merged down, then column label and value cell in each row.</summary>
    internal static Cell[][] TwoRows(string[] benchmark, string[] developed) =>
    [
        [MergedLabel("核心技术参数", "（5项以上）"), Text("对标产品（技术）："), Text(benchmark)],
        [UnderMerge(), Text("研发产品（技术）："), Text(developed)],
    ];

    internal static WordImport Read(byte[] docx) => AnnexWordReaderTests.Read("annex1", docx);

    internal static JsonArray Rows(IEnumerable<string> benchmark, IEnumerable<string> developed) =>
        [.. benchmark.Zip(developed).Select(p => (JsonNode)new JsonObject { ["benchmarkValue"] = p.First, ["developedValue"] = p.Second })];

    internal static void AssertRows(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"expected {expected.ToJsonString(FormJson.Options)}\n     got {actual?.ToJsonString(FormJson.Options)}");

    [Theory]
    [MemberData(nameof(Styles))]
    public void CoreParameters_WrittenAsListsInTheTwoRows_AreReadAsPairedRows(string style)
    {
        var (benchmark, developed) = Written(style);
        var import = Read(Annex1(TwoRows(benchmark, developed)));

        AssertRows(Rows(Benchmark, Developed), import.Values["coreParameters"]);
        var field = import.Fields.Single(f => f.Key == "coreParameters");
        Assert.Equal(ImportStatus.Found, field.Status);
        Assert.Null(field.Problem);
    }

    [Fact]
    public void CoreParameters_LabelAndValueInOneCell_AreRead()
    {
        var import = Read(Annex1(
            [MergedLabel("核心技术参数（5项以上）"), Text(["对标产品（技术）：1.抗拉强度 580MPa", .. Numbered(Benchmark, "{0}.{1}")[1..]])],
            [UnderMerge(), Text("研发产品（技术）：①抗拉强度≥600MPa", "②导电率≥80%IACS", "③厚度公差±1.5μm", "④弯曲半径 R/t≤1", "⑤软化温度≥500℃")]));

        AssertRows(Rows(Benchmark, Developed), import.Values["coreParameters"]);
    }

    [Fact]
    public void CoreParameters_LabelAndValueInOneCell_BeforeAnEmptyValueCell_AreRead()
    {
        var import = Read(Annex1(
            [MergedLabel("核心技术参数（5项以上）"), Text("对标产品（技术）：" + string.Join("；", Benchmark)), Text("")],
            [UnderMerge(), Text("研发产品（技术）：" + string.Join("；", Developed)), Text("")]));

        AssertRows(Rows(Benchmark, Developed), import.Values["coreParameters"]);
    }

    [Fact]
    public void CoreParameters_BothColumnsInOneCell_EachLabelStartingItsLine_AreRead()
    {
        var import = Read(Annex1(
            [Text("核心技术参数（5项以上）"), Text(["对标产品（技术）：", .. Numbered(Benchmark, "{0}.{1}"), "研发产品（技术）：" + string.Join("；", Developed)])]));

        AssertRows(Rows(Benchmark, Developed), import.Values["coreParameters"]);
    }

    [Fact]
    public void CoreParameters_MergeUndone_LabelRepeatedOrLeftEmpty_AreRead()
    {
        var (benchmark, developed) = Written("numbered");
        var repeated = Read(Annex1(
            [Text("核心技术参数（5项以上）"), Text("对标产品（技术）："), Text(benchmark)],
            [Text("核心技术参数（5项以上）"), Text("研发产品（技术）："), Text(developed)]));
        var empty = Read(Annex1(
            [Text("核心技术参数（5项以上）"), Text("对标产品（技术）："), Text(benchmark)],
            [Text(""), Text("研发产品（技术）："), Text(developed)]));

        AssertRows(Rows(Benchmark, Developed), repeated.Values["coreParameters"]);
        AssertRows(Rows(Benchmark, Developed), empty.Values["coreParameters"]);
    }

    [Fact]
    public void CoreParameters_ColumnLabelsAsAHeaderRow_AreRead()
    {
        var (benchmark, developed) = Written("numbered");
        var import = Read(Annex1(
            [MergedLabel("核心技术参数（5项以上）"), Text("对标产品（技术）"), Text("研发产品（技术）")],
            [UnderMerge(), Text(benchmark), Text(developed)]));

        AssertRows(Rows(Benchmark, Developed), import.Values["coreParameters"]);
    }

    [Fact]
    public void CoreParameters_UnequalCounts_ArePaddedAndReportedInChinese()
    {
        var import = Read(Annex1(TwoRows(Numbered(Benchmark, "{0}.{1}")[..3], [.. Developed.Select((d, i) => $"{i + 1}、{d}")])));

        AssertRows(Rows([.. Benchmark[..3], "", ""], Developed), import.Values["coreParameters"]);
        var field = import.Fields.Single(f => f.Key == "coreParameters");
        Assert.Equal(ImportStatus.Found, field.Status);
        Assert.Equal("DOCX_FIELD_TABLE_UNEVEN", field.Problem?.Code);
        Assert.Equal("coreParameters", field.Problem!.Field);
        Assert.False(field.Problem.IsError);
        Assert.Equal("核心技术参数：各列填写的项数不一致（对标产品（技术）3项、研发产品（技术）5项），已按顺序逐行对应，缺少的留空，请核对各行。",
            field.Problem.Message(new("zh-CN")));
        Assert.StartsWith("Core technical parameters: the columns list different numbers of items (Benchmark product (technology): 3,",
            field.Problem.Message(new("en-US")));
    }

    [Fact]
    public void CoreParameters_LeftBlank_IsEmpty()
    {
        var import = Read(Annex1(TwoRows([""], ["", ""])));

        Assert.Equal(ImportStatus.Empty, import.Fields.Single(f => f.Key == "coreParameters").Status);
        Assert.Null(import.Values["coreParameters"]);
    }

    [Fact]
    public void TheRestOfTheBureausAnnex1_IsStillRead()
    {
        var (benchmark, developed) = Written("numbered");
        var import = Read(Annex1(TwoRows(benchmark, developed)));

        Assert.Equal("高性能铜合金精密带材关键制备技术", import.Values["demandName"]!.GetValue<string>());
        Assert.Equal("某铜业株式会社", import.Values["benchmarkUnit"]!.GetValue<string>());
        AssertRows(new JsonArray("matchInternational"), import.Values["targetLevels"]);
        AssertRows(JsonNode.Parse("""
            [{"unit":"应用单位甲","contact":"王工","phone":"13800000001"},{"unit":"应用单位乙","contact":"李工","phone":"13800000002"}]
            """)!, import.Values["applicationUnits"]);
        Assert.Equal("某大学材料学院", import.Values["recommendedUnits"]!.GetValue<string>());
    }
}
