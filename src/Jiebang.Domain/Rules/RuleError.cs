using System.Globalization;
using System.Resources;

namespace Jiebang.Domain.Rules;

public enum Severity { Error, Warning }

/// <summary>
/// A broken rule: a stable code, the field it concerns, the clause it comes from, and the
/// arguments of its message. The zh-CN and en-US texts live in Resources/RuleMessages*.resx.
/// Made only from a catalogue's <see cref="ErrorCode"/> (<c>UnitErrors.UsccTaken.At("uscc", uscc)</c>).
/// </summary>
public sealed record RuleError
{
    internal static readonly ResourceManager Messages =
        new("Jiebang.Domain.Resources.RuleMessages", typeof(RuleError).Assembly);

    internal RuleError(string code, string field, string clause, Severity severity, IReadOnlyList<object> args)
    {
        Code = code;
        Field = field;
        Clause = clause;
        Severity = severity;
        Args = args;
    }

    public string Code { get; }
    public string Field { get; init; }
    public string Clause { get; }
    public Severity Severity { get; init; }
    public IReadOnlyList<object> Args { get; }

    public bool IsError => Severity == Severity.Error;

    /// <summary>What the broken rule means for the one who asked (see <see cref="ErrorKind"/>).</summary>
    public ErrorKind Kind { get; init; } = ErrorKind.Invalid;

    /// <summary>Whether this is the catalogue's rule <paramref name="code"/>.</summary>
    public bool Is(ErrorCode code) => Code == code.Code;

    /// <summary>
    /// The name of the field as the form prints it (联系方式, 联系电话), put in place of the rule's
    /// generic field name before the first colon of the message (电话号码：…).
    /// </summary>
    public LocalizedText? Label { get; init; }

    /// <summary>The message in the given culture (the current UI culture when null).</summary>
    public string Message(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var format = Messages.GetString(Code, culture) ?? Code;
        var text = string.Format(culture, format, Args.ToArray());
        if (Label is null) return text;
        var colon = text.IndexOfAny(['：', ':']);
        return colon is > 0 and < 24 ? Label.For(culture) + text[colon..] : text;
    }

    public override string ToString() => $"{Code} [{Field}] {Message()}";
}
