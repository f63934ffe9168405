namespace Jiebang.Domain.Forms;

/// <summary>
/// The kinds of answer a field of an annex takes, and the JSON value each expects in a form's values:
/// <list type="bullet">
/// <item><see cref="Text"/>, <see cref="Phone"/>, <see cref="Email"/>, <see cref="Attachment"/> (an upload id),
/// <see cref="Date"/> ("2024-04-15"), <see cref="ResidentId"/> (GB 11643, kept encrypted): a string;</item>
/// <item><see cref="SingleChoice"/>: the option's value; <see cref="MultipleChoice"/>: an array of them;</item>
/// <item><see cref="AreaDirection"/>: {"area": "新材料", "directions": ["合金材料"]} from the round's taxonomy;</item>
/// <item><see cref="Table"/>: an array of rows, each an object keyed by column key;</item>
/// <item><see cref="Amount"/>: a number of 万元, or a numeric string; <see cref="YearSpan"/>: a number of years.</item>
/// </list>
/// </summary>
public enum FieldType
{
    Text,
    SingleChoice,
    MultipleChoice,
    AreaDirection,
    Table,
    Amount,
    YearSpan,
    Phone,
    Email,
    Attachment,
    Date,
    ResidentId,
}
