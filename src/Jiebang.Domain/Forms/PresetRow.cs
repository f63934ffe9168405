namespace Jiebang.Domain.Forms;

/// <summary>
/// A row the annex prints already named, as the 绩效目标申报表 of annex 4 lists its indicators:
/// 产出指标 | 数量指标 | 转化科技成果数量 | ____ 项. The cells given here are fixed by the form; the
/// filer fills the other columns of the row. A row that leaves its name open
/// ("…………（自行设置的产出指标）") gives only the group cells and a hint in place of the name.
/// </summary>
public sealed record PresetRow
{
    /// <summary>The fixed cells, by column key: {"level1": "产出指标", "level2": "数量指标", "level3": "转化科技成果数量"}.</summary>
    public required IReadOnlyDictionary<string, string> Cells { get; init; }

    /// <summary>The unit printed after the filled value (个, 项, %, 万元, 人次).</summary>
    public string? Unit { get; init; }

    /// <summary>What the open cell of the row asks for, printed in the blank form: "（自行设置的产出指标）".</summary>
    public string? HintZh { get; init; }
    public string? HintEn { get; init; }

    /// <summary>Whether the filer names the row: it has an open cell where others are fixed.</summary>
    public bool IsOpen => HintZh is not null;
}
