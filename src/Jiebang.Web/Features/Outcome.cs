using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features;

/// <summary>A use case's answer: a value, or the rules it broke. Expected failures never throw.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<RuleError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public bool IsNotFound => Errors.Count == 1 && Errors[0].Kind == ErrorKind.NotFound;
    public bool IsForbidden => Errors.Count == 1 && Errors[0].Kind == ErrorKind.Forbidden;

    public static implicit operator Outcome<T>(T value) => new(value, []);
    public static implicit operator Outcome<T>(RuleError error) => new(default, [error]);
    public static implicit operator Outcome<T>(List<RuleError> errors) => new(default, errors);
}

public static class Outcome
{
    public static RuleError NotFound(string field = "id") => Access.AccessErrors.NotFound.At(field);
}
