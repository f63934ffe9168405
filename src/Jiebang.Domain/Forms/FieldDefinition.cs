namespace Jiebang.Domain.Forms;

/// <summary>
/// One field of an annex: its key in the values, its type, its labels and help text as printed, and
/// the limits the annex sets. A table's columns are fields of scalar types.
/// </summary>
public sealed record FieldDefinition
{
    /// <summary>The stable English camelCase key of the value: "demandName".</summary>
    public required string Key { get; init; }
    public required FieldType Type { get; init; }
    public required string LabelZh { get; init; }
    public required string LabelEn { get; init; }
    public bool Required { get; init; }
    public string? HelpZh { get; init; }
    public string? HelpEn { get; init; }

    /// <summary>"不超过N字" / "N字以内": a longer text is an error.</summary>
    public int? MaxChars { get; init; }

    /// <summary>"N字左右": a longer text is only a warning.</summary>
    public int? AboutChars { get; init; }

    /// <summary>The boxes of a choice field.</summary>
    public IReadOnlyList<ChoiceOption>? Options { get; init; }

    /// <summary>The columns of a table.</summary>
    public IReadOnlyList<FieldDefinition>? Columns { get; init; }

    /// <summary>
    /// The rows the annex prints already named (绩效目标申报表). A value's rows line up with them in
    /// order; rows past them are the filer's own, up to <see cref="MaxRows"/>.
    /// </summary>
    public IReadOnlyList<PresetRow>? PresetRows { get; init; }

    /// <summary>For a column: the header printed over it and its neighbours of the same group ("指标名称").</summary>
    public string? GroupZh { get; init; }
    public string? GroupEn { get; init; }

    /// <summary>"（3家以上）": the fewest rows that are not entirely empty.</summary>
    public int? MinRows { get; init; }
    public int? MaxRows { get; init; }

    /// <summary>The years a <see cref="FieldType.YearSpan"/> may take: □1年 □2年 □3年.</summary>
    public IReadOnlyList<int>? AllowedYears { get; init; }

    /// <summary>The key of the <see cref="FormSection"/> this field sits under, if any.</summary>
    public string? Section { get; init; }

    /// <summary>The key of a field (a column in the same row, for a column) that makes this one required once filled.</summary>
    public string? RequiredWith { get; init; }

    /// <summary>For an amount that is part of another (其中：中央补助 of 总预算): the key of the whole, which it may not exceed.</summary>
    public string? PartOf { get; init; }

    /// <summary>For <see cref="FieldType.AreaDirection"/>: the taxonomy the annex prints or the round uses.</summary>
    public string? TaxonomyKey { get; init; }

    /// <summary>
    /// For <see cref="FieldType.AreaDirection"/>: the notice lists the area's directions with 等, so
    /// directions are optional and one outside the list (the filer's own) is accepted (annex 2).
    /// </summary>
    public bool OpenDirections { get; init; }

    /// <summary>
    /// Part of what the work is, for 查重: the name, background, content and targets — not the
    /// unit's profile, contacts, budget or opinions, which repeat across a unit's own filings.
    /// </summary>
    public bool ComparedForSimilarity { get; init; }

    /// <summary>Other names the same blank has in a template made by someone else ("国别" for 对标国别).</summary>
    public IReadOnlyList<string>? AliasesZh { get; init; }

    /// <summary>A text the annex gives a large box for (background, content, opinions): shown as several lines.</summary>
    public bool Multiline { get; init; }

    /// <summary>For an amount: the most it may be (万元), a ceiling on what is typed.</summary>
    public decimal? MaxValue { get; init; }

    /// <summary>
    /// For an amount that is the sum of others: the keys of the parts, each a field ("selfFunding") or a
    /// table's column ("budgetRows.subsidy", summed over its rows). Checked once every part is a number.
    /// </summary>
    public IReadOnlyList<string>? SumOf { get; init; }

    /// <summary>The key of a resident-ID field: this field is required when that ID says its holder is a woman.</summary>
    public string? RequiredWhenFemale { get; init; }

    /// <summary>The value the annex prints in the blank (所属地区: 龙泉市); the form starts with it.</summary>
    public string? DefaultValue { get; init; }
}
