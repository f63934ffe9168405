namespace Jiebang.Domain.Rules;

/// <summary>
/// One entry of an errors catalogue (DemandErrors, UnitErrors, …): the rule's stable code, its
/// kind and the clause it comes from. <see cref="At"/> makes the broken rule for a field with
/// the message's arguments; the zh-CN and en-US texts are in Resources/RuleMessages*.resx
/// under the code, and a test checks every catalogued code has both and a clause.
/// </summary>
/// <param name="Clause">
/// The clause the rule comes from, or null for a rule of the form engine, whose clause is the
/// checked form's own (annex 1, annex 2, …) and is given at the call (<see cref="AtClause"/>).
/// </param>
public sealed record ErrorCode(string Code, ErrorKind Kind, string? Clause)
{
    /// <summary>Whether the clause is the checked form's, given at each call.</summary>
    public bool ClauseFromForm => Clause is null;

    public RuleError At(string field, params object[] args) => AtClause(OwnClause, field, args);

    public RuleError WarningAt(string field, params object[] args) => WarningAtClause(OwnClause, field, args);

    /// <summary>The broken rule citing a clause of the call's own: the form's, or the setting's a limit guards.</summary>
    public RuleError AtClause(string clause, string field, params object[] args) =>
        new(Code, field, clause, Severity.Error, args) { Kind = Kind };

    public RuleError WarningAtClause(string clause, string field, params object[] args) =>
        new(Code, field, clause, Severity.Warning, args) { Kind = Kind };

    string OwnClause => Clause ?? throw new InvalidOperationException($"{Code} takes the form's clause: use AtClause.");

    public static ErrorCode Invalid(string code, string clause) => new(code, ErrorKind.Invalid, clause);
    public static ErrorCode NotFound(string code, string clause) => new(code, ErrorKind.NotFound, clause);
    public static ErrorCode Forbidden(string code, string clause) => new(code, ErrorKind.Forbidden, clause);
    public static ErrorCode Conflict(string code, string clause) => new(code, ErrorKind.Conflict, clause);

    /// <summary>A rule of the form engine, cited by the clause of whichever form is checked.</summary>
    public static ErrorCode OfForm(string code) => new(code, ErrorKind.Invalid, null);
}
