namespace Jiebang.Domain.Forms;

/// <summary>One box of a choice field (□国内领先): the stable value stored in the values, and its labels.</summary>
public sealed record ChoiceOption(string Value, string LabelZh, string LabelEn);
