using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>
/// The result of reading one value cell: a value, an empty box, or the reason it could not be read;
/// or a value read with a warning to check it.
/// </summary>
readonly record struct FieldParse(JsonNode? Value, RuleError? Problem)
{
    public static FieldParse Empty => new(null, null);
    public static FieldParse Of(JsonNode value) => new(value, null);
    public static FieldParse Warned(JsonNode value, ErrorCode code, object label, params object[] args) =>
        new(value, code.WarningAt("", [label, .. args]));
    public static FieldParse Unreadable(ErrorCode code, object label, params object[] args) =>
        new(null, code.WarningAt("", [label, .. args]));
}
