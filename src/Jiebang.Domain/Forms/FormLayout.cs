namespace Jiebang.Domain.Forms;

/// <summary>How an annex lays its fields out on paper.</summary>
public enum FormLayout
{
    /// <summary>One table of label and value cells (annexes 1–3, 绩效目标申报表).</summary>
    Labelled,

    /// <summary>
    /// A line or two above one wide table of entries with a 序号 column (拟支持项目建议表:
    /// 申报单位（盖章）, then one row per project), landscape.
    /// </summary>
    List,
}
