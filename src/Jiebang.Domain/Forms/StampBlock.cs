namespace Jiebang.Domain.Forms;

/// <summary>
/// The place on the printed form for the unit's stamp and the date (盖章 / 年 月 日), under the opinion
/// field it belongs to (annex 2: 企业负责人意见; annex 3: 主管部门审核意见). It is not a typed field: the
/// applicant exports the filled form, stamps the print and uploads the scan with the submission
/// [notice §4.3], so the form's own check never asks for it.
/// </summary>
public sealed record StampBlock
{
    /// <summary>The key of the field whose cell holds the stamp.</summary>
    public required string AfterField { get; init; }
    public string LabelZh { get; init; } = "盖章";
    public string LabelEn { get; init; } = "Stamp";

    /// <summary>Whether the block carries a 年 月 日 line to be written by hand.</summary>
    public bool Dated { get; init; } = true;
}
