using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using State = Jiebang.Web.Documents.CheckMarks.State;

namespace Jiebang.Web.Documents;

/// <summary>
/// Reads the boxes of a choice: the ticked options (☑, √, ■, X …), or, when nobody drew boxes, the
/// option names written out.
/// </summary>
static class ChoiceReader
{
    public static FieldParse Read(IReadOnlyList<ChoiceOption> options, string text, bool single, LocalizedText label)
    {
        var states = CheckMarks.Find(text, options.Select(o => o.LabelZh));
        var marked = states.Values.Any(s => s is State.Ticked or State.Unticked);
        var wanted = marked ? State.Ticked : State.Plain;
        var chosen = options.Where(o => states[o.LabelZh] == wanted).Select(o => o.Value).ToList();
        if (chosen.Count == 0)
            return marked || CheckMarks.Compact(text).Length == 0
                ? FieldParse.Empty
                : FieldParse.Unreadable(DocxErrors.FieldChoiceUnknown, label, Shorten(text));
        if (!single) return FieldParse.Of(new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c))]));
        return chosen.Count == 1
            ? FieldParse.Of(JsonValue.Create(chosen[0]))
            : FieldParse.Unreadable(DocxErrors.FieldChoiceSeveral, label, chosen.Count);
    }

    public static string Shorten(string text)
    {
        var flat = CellText.JoinLine(text.Split('\n'));
        return flat.Length <= 30 ? flat : flat[..30] + "…";
    }
}
