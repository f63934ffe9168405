using System.Security.Claims;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features;

/// <summary>Turns use-case outcomes into HTTP answers in one place: findings become problem details.</summary>
public static class ApiResults
{
    public sealed record Finding(string Field, string Code, string Severity, string Message, string Clause);

    public static Finding ToFinding(RuleError e) =>
        new(e.Field, e.Code, e.Severity.ToString().ToLowerInvariant(), e.Message(), e.Clause);

    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult>? onSuccess = null)
    {
        if (outcome.Succeeded) return onSuccess?.Invoke(outcome.Value!) ?? Results.Ok(outcome.Value);
        // The bare "not found" says nothing (ids cannot be probed); a named one (an item not published) says why.
        if (outcome.IsNotFound && outcome.Errors[0].Is(AccessErrors.NotFound)) return Results.NotFound();
        if (outcome.IsForbidden)
            return outcome.Errors[0].Is(AccessErrors.SignInRequired) ? Results.Unauthorized() : Results.Forbid();
        return Problem(outcome.Errors);
    }

    /// <summary>
    /// The findings as problem details: 409 when every one met a state or value someone else set
    /// (<see cref="ErrorKind.Conflict"/>), 404 when every one names something not there to act on, 422 otherwise.
    /// </summary>
    public static IResult Problem(IEnumerable<RuleError> errors)
    {
        var list = errors.ToList();
        var findings = list.Select(ToFinding).ToList();
        return Results.Problem(
            title: findings.Count == 1 ? findings[0].Message : string.Join("；", findings.Select(f => f.Message)),
            statusCode: list.Count > 0 && list.All(e => e.Kind == ErrorKind.Conflict) ? StatusCodes.Status409Conflict
                : list.Count > 0 && list.All(e => e.Kind == ErrorKind.NotFound) ? StatusCodes.Status404NotFound
                : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["findings"] = findings });
    }

    public static Actor Actor(this ClaimsPrincipal user) => Access.Actor.From(user);
}
