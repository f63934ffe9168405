namespace Jiebang.Domain.Forms;

/// <summary>
/// One annex as data, field for field in the annex's order, read from SeedData/forms/{key}.v{version}.json.
/// </summary>
public sealed record FormDefinition
{
    /// <summary>The form's stable key, as a round names it.</summary>
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string TitleZh { get; init; }
    public required string TitleEn { get; init; }
    public string? HelpZh { get; init; }
    public string? HelpEn { get; init; }

    /// <summary>The notice and annex the form comes from; every finding carries it.</summary>
    public required string Clause { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
    public IReadOnlyList<FormSection> Sections { get; init; } = [];

    /// <summary>How the form is printed: label and value cells, or one list of rows (拟支持项目建议表).</summary>
    public FormLayout Layout { get; init; } = FormLayout.Labelled;

    /// <summary>
    /// The annex number printed above the title when it is not the key's ("附件2" inside annex 4 of the
    /// notice, whose own annexes are numbered again from 1).
    /// </summary>
    public string? AnnexNumberZh { get; init; }

    /// <summary>Whether two short fields in a row share one line (annexes 2 and 3), or each takes a row of its own.</summary>
    public bool PairsShortFields { get; init; } = true;

    /// <summary>The 备注 printed under the form, one item a line.</summary>
    public IReadOnlyList<string> NotesZh { get; init; } = [];
    public IReadOnlyList<string> NotesEn { get; init; } = [];

    /// <summary>Who files it, as what, with which title field and what is filled in from the unit.</summary>
    public FormFiling Filing { get; init; } = new();

    /// <summary>Where the stamp and date go on the print, when the annex has them.</summary>
    public StampBlock? StampBlock { get; init; }

    /// <summary>The top-level field with the key, or null.</summary>
    public FieldDefinition? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>Reads a definition and checks that it is consistent; throws <see cref="FormatException"/> when not.</summary>
    public static FormDefinition Parse(string json)
    {
        var form = FormJson.Read<FormDefinition>(json, "form definition");
        var problems = FormDefinitionProblems.Find(form);
        return problems.Count == 0
            ? form
            : throw new FormatException($"Form {form.Key} v{form.Version}: {string.Join("; ", problems)}");
    }
}
