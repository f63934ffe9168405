using Jiebang.Web.Tests.Infrastructure;
using static Jiebang.Web.Tests.Documents.BureauDocument;
using static Jiebang.Web.Tests.Documents.BureauParametersTests;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// The bureau-layout annex 1 with its 核心技术参数 lists, opened and saved again as .docx by
/// LibreOffice (soffice --headless --convert-to docx), which rewrites the merges, breaks and runs
/// in its own way: it reads the same.
/// </summary>
public sealed class BureauParametersLibreOfficeTests
{
    static Task<byte[]> ResavedAsync(string name, byte[] docx) => LibreOffice.ResavedAsync(name, docx);

    public static TheoryData<string> Cases => [.. Styles.Select(s => (string)s.Data), "label and value in one cell", "header row"];

    static Cell[][] ParameterRows(string name)
    {
        if (name == "label and value in one cell")
            return [[MergedLabel("核心技术参数（5项以上）"), Text(["对标产品（技术）：" + Benchmark[0], .. Benchmark[1..]])],
                    [UnderMerge(), Text(["研发产品（技术）：①" + Developed[0], .. Developed[1..].Select((d, i) => $"{(char)('②' + i)}{d}")])]];
        if (name == "header row")
            return [[MergedLabel("核心技术参数", "（5项以上）"), Text("对标产品（技术）"), Text("研发产品（技术）")],
                    [UnderMerge(), Text(Benchmark), Text(Developed)]];
        var (benchmark, developed) = Written(name);
        return TwoRows(benchmark, developed);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CoreParameters_ResavedByLibreOffice_ReadTheSame(string name)
    {
        var docx = Annex1(ParameterRows(name));
        var resaved = await ResavedAsync("annex1-bureau-parameters-" + name.Replace(' ', '-').Replace(",", ""), docx);

        AssertRows(Rows(Benchmark, Developed), Read(docx).Values["coreParameters"]);
        AssertRows(Rows(Benchmark, Developed), Read(resaved).Values["coreParameters"]);
        Assert.Equal("某大学材料学院", Read(resaved).Values["recommendedUnits"]!.GetValue<string>());
    }
}
