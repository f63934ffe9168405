using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>What goes in the value cell of one field: the text, the boxes, or a sub-table.</summary>
static class ValueCell
{
    const string HintColor = "808080";

    public static IEnumerable<OpenXmlElement> Content(FieldDefinition field, JsonNode? value, Taxonomy? taxonomy, bool blank, int width) =>
        field.Type switch
        {
            FieldType.SingleChoice or FieldType.MultipleChoice => Choices(field.Options ?? [], ValueText.Strings(value)),
            FieldType.YearSpan when field.AllowedYears is { Count: > 0 } years =>
                Choices(years.Select(y => new ChoiceOption(y.ToString(), $"{y}年", $"{y} years")).ToList(), ValueText.Strings(value)),
            FieldType.YearSpan => [WordText.Line(blank ? "　　年" : $"{ValueText.Of(value)}年")],
            FieldType.Amount => [WordText.Line(Amount(field, ValueText.Of(value)))],
            FieldType.Table => SubTable.Of(field, value as JsonArray, width),
            FieldType.AreaDirection => AreaLines(taxonomy, value),
            _ => Text(field, value, blank),
        };

    static IEnumerable<OpenXmlElement> Text(FieldDefinition field, JsonNode? value, bool blank)
    {
        var text = ValueText.Of(value);
        if (blank && text.Length == 0)
        {
            // As the annexes do, a blank big box carries its instructions in grey.
            if (field.Multiline && field.HelpZh is { } help) return WordText.Lines(help, HintColor);
            return WordText.Lines(field.DefaultValue ?? "");
        }
        return WordText.Lines(text);
    }

    // Annex 2 prints 预计总投入 without a unit; its help says 单位：万元.
    static string Amount(FieldDefinition field, string text) =>
        field.LabelZh.Contains("万元") ? text : $"{(text.Length == 0 ? "　　　　" : text)} 万元";

    /// <summary>Short options on one line (□国内领先 □国际先进), long ones one to a line (攻关水平).</summary>
    public static IEnumerable<OpenXmlElement> Choices(IReadOnlyList<ChoiceOption> options, IReadOnlyList<string> chosen)
    {
        if (options.Count <= 4 && options.Sum(o => o.LabelZh.Length) <= 24)
        {
            var runs = new List<OpenXmlElement>();
            foreach (var option in options)
            {
                if (runs.Count > 0) runs.Add(WordText.Run("    "));
                runs.Add(WordText.Box(chosen.Contains(option.Value)));
                runs.Add(WordText.Run(option.LabelZh));
            }
            return [WordText.Paragraph(null, [.. runs])];
        }
        return options.Select(o => WordText.Paragraph(null, WordText.Box(chosen.Contains(o.Value)), WordText.Run(o.LabelZh)));
    }

    /// <summary>An area and its directions inside one cell, for a form that does not give them rows of their own.</summary>
    static IEnumerable<OpenXmlElement> AreaLines(Taxonomy? taxonomy, JsonNode? value)
    {
        var (area, directions) = AreaValue.Of(value);
        foreach (var a in taxonomy?.Areas ?? [])
        {
            var runs = new List<OpenXmlElement> { WordText.Box(a.Name == area), WordText.Run(a.Name, bold: true) };
            foreach (var d in a.Directions)
                runs.AddRange([WordText.Run("  "), WordText.Box(a.Name == area && directions.Contains(d)), WordText.Run(d)]);
            yield return WordText.Paragraph(null, [.. runs]);
        }
    }
}

/// <summary>The {"area", "directions"} value of an <see cref="FieldType.AreaDirection"/> field.</summary>
static class AreaValue
{
    public static (string? Area, IReadOnlyList<string> Directions) Of(JsonNode? value) =>
        value is JsonObject o ? (ValueText.Of(o["area"]) is { Length: > 0 } a ? a : null, ValueText.Strings(o["directions"])) : (null, []);
}
