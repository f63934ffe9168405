using System.Text.Json.Nodes;
using Jiebang.Web.Documents;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Tests.Documents;

/// <summary>Our own files read back: a filled form gives the values it was made from.</summary>
public sealed class AnnexWordReaderTests
{
    internal static AnnexWordReader Reader(long maxBytes = 10 * 1024 * 1024) =>
        new(Options.Create(new WordImportOptions { MaxWordBytes = maxBytes }));

    internal static WordImport Read(string key, byte[] docx)
    {
        var form = Annexes.Form(key);
        var outcome = Reader().Read(docx, form, Annexes.TaxonomyOf(form));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    [Theory]
    [InlineData("annex1")]
    [InlineData("annex2")]
    [InlineData("annex3")]
    [InlineData("annex4-table")]
    [InlineData("annex4-performance")]
    public void RoundTrip_FilledAnnex_GivesTheSameValues(string key)
    {
        var form = Annexes.Form(key);
        var values = Annexes.Values(key);
        var import = Read(key, new AnnexWordWriter().Write(form, values, Annexes.TaxonomyOf(form)));
        Assert.Equal(values.ToJsonString(), Ordered(import.Values, values).ToJsonString());
        Assert.DoesNotContain(import.Fields, f => f.Status is ImportStatus.Missing or ImportStatus.Unreadable);
    }

    [Theory]
    [InlineData("annex1")]
    [InlineData("annex2")]
    [InlineData("annex3")]
    [InlineData("annex4-table")]
    [InlineData("annex4-performance")]
    public void Blank_Template_FindsEveryFieldEmptyButTheDefaults(string key)
    {
        var form = Annexes.Form(key);
        var import = Read(key, new AnnexWordWriter().Blank(form, Annexes.TaxonomyOf(form)));
        Assert.DoesNotContain(import.Fields, f => f.Status is ImportStatus.Missing or ImportStatus.Unreadable);
        var found = import.Fields.Where(f => f.Status == ImportStatus.Found).Select(f => f.Key);
        Assert.Equal(form.Fields.Where(f => f.DefaultValue is not null).Select(f => f.Key), found);
    }

    [Fact]
    public void Annex4Performance_RowsDeletedAndAdded_AreMatchedByTheirNamesNotTheirPlaces()
    {
        var form = Annexes.Form("annex4-performance");
        var docx = new AnnexWordWriter().Write(form, Annexes.PerformanceTargets(), null);
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
            {
                var rows = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
                rows.First(r => r.InnerText.Contains("支持区域创新载体项目数量")).Remove();
                // The filer adds an indicator of their own at the end, typing the unit into the value.
                var added = (DocumentFormat.OpenXml.Wordprocessing.TableRow)rows.Last().CloneNode(true);
                var texts = added.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().ToList();
                texts[^2].Text = "新增就业人数";
                texts[^1].Text = "３０人";
                rows.Last().InsertAfterSelf(added);
            }
            docx = stream.ToArray();
        }
        var rowsRead = (JsonArray)Read("annex4-performance", docx).Values["indicators"]!;
        var presets = form.Field("indicators")!.PresetRows!;
        string? Target(string name) => rowsRead[presets.ToList().FindIndex(p => p.Cells.GetValueOrDefault("level3") == name)]?["target"]?.ToString();
        Assert.Equal("15", Target("转化科技成果数量"));
        Assert.Equal("1500", Target("促进技术合同成交额"));
        Assert.Null(Target("支持区域创新载体项目数量"));
        var own = rowsRead[presets.Count]!;
        Assert.Equal(("满意度指标", "新增就业人数", "30人"), (own["level1"]!.ToString(), own["level3"]!.ToString(), own["target"]!.ToString()));
    }

    [Fact]
    public void Import_FormWithoutItsLabels_ReportsEachMissingFieldInChinese()
    {
        var annex3 = Annexes.Form("annex3");
        var import = Read("annex2", new AnnexWordWriter().Write(annex3, Annexes.Annex3(), null));
        var missing = import.Fields.Single(f => f.Key == "enterpriseName");
        Assert.Equal(ImportStatus.Missing, missing.Status);
        Assert.Equal("企业名称：文档中未找到该栏目，保留系统中已填写的内容。", missing.Problem!.Message(new("zh-CN")));
        Assert.Equal(ImportStatus.Found, import.Fields.Single(f => f.Key == "contactPhone").Status);
    }

    /// <summary>The import's values in the order of the expected ones, to compare as JSON text.</summary>
    internal static JsonObject Ordered(JsonObject actual, JsonObject expected)
    {
        var ordered = new JsonObject();
        foreach (var (key, _) in expected)
            if (actual[key] is { } value) ordered[key] = value.DeepClone();
        foreach (var (key, value) in actual)
            if (!ordered.ContainsKey(key)) ordered[key] = value?.DeepClone();
        return ordered;
    }
}
