namespace Jiebang.Domain.Rules;

/// <summary>
/// One entry of an errors catalogue (DemandErrors, UnitErrors, …): the rule's stable code, its
/// kind and the clause it comes from. <see cref="At"/> makes the broken rule for a field with
/// the message's arguments; the zh-CN and en-US texts are in Resources/RuleMessages*.resx
/// under the code, and a test checks every catalogued code has both and a clause.
/// </summary>
public sealed record ErrorCode(string Code, ErrorKind Kind, string Clause)
{
    public RuleError At(string field, params object[] args) =>
        new(Code, field, Clause, Severity.Error, args) { Kind = Kind };

    public RuleError WarningAt(string field, params object[] args) =>
        new(Code, field, Clause, Severity.Warning, args) { Kind = Kind };

    public static ErrorCode Invalid(string code, string clause) => new(code, ErrorKind.Invalid, clause);
    public static ErrorCode NotFound(string code, string clause) => new(code, ErrorKind.NotFound, clause);
    public static ErrorCode Forbidden(string code, string clause) => new(code, ErrorKind.Forbidden, clause);
    public static ErrorCode Conflict(string code, string clause) => new(code, ErrorKind.Conflict, clause);
}
