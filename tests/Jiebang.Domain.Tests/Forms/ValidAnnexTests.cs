using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

public sealed class ValidAnnexTests
{
    [Fact]
    public void Annex1_FullyFilled_GivesNoFindings() =>
        Assert.Empty(FormCheck.Check(SeedData.Annex1, ValidForms.Annex1(), SeedData.Provincial));

    [Fact]
    public void Annex2_FullyFilled_GivesNoFindings() =>
        Assert.Empty(FormCheck.Check(SeedData.Annex2, ValidForms.Annex2(), SeedData.Longquan));

    [Fact]
    public void Annex3_FullyFilled_GivesNoFindings() =>
        Assert.Empty(FormCheck.Check(SeedData.Annex3, ValidForms.Annex3(), null));

    [Fact]
    public void Annex1_FullyFilled_EveryFindingCarriesTheAnnexClause()
    {
        var values = ValidForms.Annex1();
        values["duration"] = 5;
        Assert.Equal("Longquan notice of 2024-03-14, annex 1",
            Assert.Single(FormCheck.Check(SeedData.Annex1, values, SeedData.Provincial)).Clause);
    }
}
