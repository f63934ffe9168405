using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class RequiredRuleTests
{
    [Fact]
    public void Annex2_Empty_ReportsEveryRequiredFieldAndNothingElse()
    {
        var findings = FormCheck.Check(SeedData.Annex2, [], SeedData.Longquan);
        Assert.All(findings, f => Assert.Equal("FORM_REQUIRED", f.Code));
        Assert.Equal(SeedData.Annex2.Fields.Where(f => f.Required).Select(f => f.Key), findings.Select(f => f.Field));
        Assert.DoesNotContain("otherTargets", findings.Select(f => f.Field));
        Assert.DoesNotContain("profilePages", findings.Select(f => f.Field));
    }

    [Fact]
    public void Required_BlankText_IsEmpty()
    {
        var values = ValidForms.Annex3();
        values["demandName"] = " \u3000\n";
        var error = Assert.Single(FormCheck.Check(SeedData.Annex3, values, null));
        Assert.Equal(("FORM_REQUIRED", "demandName"), (error.Code, error.Field));
        Assert.Equal("需求名称：必填。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Demand name: required.", error.Message(CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Annex1_Empty_AsksForTheTablesByTheirMinimum()
    {
        var findings = FormCheck.Check(SeedData.Annex1, [], SeedData.Provincial);
        Assert.Contains(findings, f => f is { Code: "FORM_TABLE_TOO_FEW_ROWS", Field: "coreParameters" });
        Assert.Contains(findings, f => f is { Code: "FORM_TABLE_TOO_FEW_ROWS", Field: "applicationUnits" });
    }

    [Fact]
    public void Problems_NeitherScientificNorTechnical_AsksForOne()
    {
        var values = ValidForms.Annex1();
        values.Remove("scientificProblem");
        values["technicalProblem"] = "";
        var error = Assert.Single(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial));
        Assert.Equal(("FORM_SECTION_TOO_FEW", "problems"), (error.Code, error.Field));
        Assert.Equal("拟解决的问题：科学问题、技术问题至少填写1项。", error.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Problems_OnlyTechnical_IsEnough()
    {
        var values = ValidForms.Annex1();
        values.Remove("scientificProblem");
        Assert.Empty(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial));
    }

    [Fact]
    public void Values_UnknownKeys_AreIgnored()
    {
        var values = ValidForms.Annex3();
        values["stampedScan"] = "upload-42";
        values["notAField"] = new JsonArray(1, 2);
        Assert.Empty(FormCheck.Check(SeedData.Annex3, values, null));
    }

    [Fact]
    public void Text_ArrayInsteadOfText_IsInvalid()
    {
        var values = ValidForms.Annex3();
        values["demandName"] = new JsonArray("a");
        Assert.Equal("FORM_VALUE_INVALID", Assert.Single(FormCheck.Check(SeedData.Annex3, values, null)).Code);
    }
}
