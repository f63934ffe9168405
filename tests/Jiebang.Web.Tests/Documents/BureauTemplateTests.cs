using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;
using Jiebang.Web.Documents;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// The bureau's own annex 1 as published with the notice writes some blanks inside one cell:
/// "□1.科学问题：____ □2.技术问题：____" and "国别____单位____产品型号____". A file made that way,
/// not by us, is read by those inline labels.
/// </summary>
public sealed class BureauTemplateTests
{
    static byte[] Document(params (string Label, string Value)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
            foreach (var (label, value) in rows)
                table.Append(new TableRow(Cell(label), Cell(value)));
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("省“尖兵”“领雁”计划重大技术攻关需求表"))), table));
        }
        return stream.ToArray();
    }

    static TableCell Cell(string text) =>
        new(text.Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve }))));

    [Fact]
    public void Annex1_InlineBlanksOfTheBureausTemplate_AreRead()
    {
        var bytes = Document(
            ("需求名称", "高性能铜合金精密带材关键制备技术"),
            ("拟解决的问题", "☑1.科学问题：高强度与高导电率的协同调控机理\n□2.技术问题：_________________"),
            ("对标单位及产品（型号）", "国别__日本__单位__某铜业株式会社__产品型号__C7025__"),
            ("攻关目标", "形成年产5000吨的生产能力。"));
        var form = Annexes.Form("annex1");
        var read = new AnnexWordReader(Options.Create(new WordImportOptions())).Read(bytes, form, Annexes.TaxonomyOf(form));

        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.Message())));
        var values = read.Value!.Values;
        Assert.Equal("高强度与高导电率的协同调控机理", values["scientificProblem"]!.ToString());
        Assert.Null(values["technicalProblem"]);
        Assert.Equal("日本", values["benchmarkCountry"]!.ToString());
        Assert.Equal("某铜业株式会社", values["benchmarkUnit"]!.ToString());
        Assert.Equal("C7025", values["benchmarkModel"]!.ToString());
        Assert.Equal("形成年产5000吨的生产能力。", values["goals"]!.ToString());
    }

    [Fact]
    public void Annex1_ApplicationUnitLines_AreNotTakenForTheBenchmarkUnit()
    {
        var bytes = Document(
            ("需求名称", "测试"),
            ("攻关成果潜在的应用单位及联系方式（3家以上）", "单位：应用单位甲\n联系人：王工"));
        var form = Annexes.Form("annex1");
        var read = new AnnexWordReader(Options.Create(new WordImportOptions())).Read(bytes, form, Annexes.TaxonomyOf(form));
        Assert.Null(read.Value!.Values["benchmarkUnit"]);
    }

    [Fact]
    public void Annex1_ApplicationUnitLines_KeepA单位InsideTheUnitsName()
    {
        var bytes = Document(
            ("需求名称", "测试"),
            ("攻关成果潜在的应用单位及联系方式（3家以上）",
                "单位：应用单位甲    联系人：王工    联系方式：138 0000 0001\n单位：某某事业单位乙联系人：李工\n单位：           联系人：           联系方式            "));
        var form = Annexes.Form("annex1");
        var read = new AnnexWordReader(Options.Create(new WordImportOptions())).Read(bytes, form, Annexes.TaxonomyOf(form));

        var expected = JsonNode.Parse("""
            [{"unit":"应用单位甲","contact":"王工","phone":"13800000001"},{"unit":"某某事业单位乙","contact":"李工","phone":""}]
            """);
        var rows = read.Value!.Values["applicationUnits"];
        Assert.True(JsonNode.DeepEquals(expected, rows), rows?.ToJsonString(FormJson.Options));
    }
}
