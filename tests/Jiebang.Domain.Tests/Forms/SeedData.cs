using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

/// <summary>The real definitions in src/Jiebang.Web/SeedData, found by walking up to the repository root.</summary>
static class SeedData
{
    static readonly string Root = FindRoot();

    public static FormDefinition Annex1 { get; } = Form("annex1");
    public static FormDefinition Annex2 { get; } = Form("annex2");
    public static FormDefinition Annex3 { get; } = Form("annex3");
    public static Taxonomy Longquan { get; } = Taxonomy("longquan-2024");
    public static Taxonomy Provincial { get; } = Taxonomy("zhejiang-provincial-2024");

    public static FormDefinition Form(string key) =>
        FormDefinition.Parse(File.ReadAllText(Path.Combine(Root, "forms", $"{key}.v1.json")));

    public static Taxonomy Taxonomy(string key) =>
        Domain.Forms.Taxonomy.Parse(File.ReadAllText(Path.Combine(Root, "taxonomies", $"{key}.json")));

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx")))
                return Path.Combine(dir.FullName, "src", "Jiebang.Web", "SeedData");
        throw new DirectoryNotFoundException("Jiebang.slnx not found above " + AppContext.BaseDirectory);
    }
}
