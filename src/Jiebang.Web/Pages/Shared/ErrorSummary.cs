using Jiebang.Domain.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// The box at the top of a form sent back with errors: how many places need changing, each a link to its
/// field (GB/T 37668-2019, WCAG 3.3.1). <c>_ErrorSummary.cshtml</c> renders it; site.js gives it focus.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<string> Intro, IReadOnlyList<ErrorSummary.Item> Items)
{
    /// <summary>
    /// One place to change: <paramref name="FieldId"/> is the id of its control, null when the message is the form's
    /// as a whole; <paramref name="FieldPath"/> names a filing form's field, whose first control takes focus when no
    /// control has that id (a choice, a table).
    /// </summary>
    public sealed record Item(string? FieldId, string? FieldPath, string Message);

    public bool IsEmpty => Intro.Count == 0 && Items.Count == 0;

    /// <summary>One entry a place to change: a field with several messages is one place, its messages together.</summary>
    public IReadOnlyList<Item> Places => [.. Items.GroupBy(i => i.FieldId ?? "\0" + i.Message)
        .Select(g => g.First() with { Message = string.Join(" ", g.Select(i => i.Message).Distinct()) })];

    /// <summary>Every error in the model state, each linked to the control <c>asp-for</c> gave the same name.</summary>
    public static ErrorSummary From(ModelStateDictionary modelState) => new([],
        [.. modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => new Item(
                e.Key.Length == 0 ? null : TagBuilder.CreateSanitizedId(e.Key, "_"), null, error.ErrorMessage)))]);

    /// <summary>
    /// A filing form's findings: its general messages (the model state's) as the introduction, then each error
    /// on a field of the form, linked to the control named <paramref name="prefix"/> + the field's path.
    /// </summary>
    public static ErrorSummary FromFindings(ModelStateDictionary modelState, IEnumerable<RuleError> findings,
        string prefix, IReadOnlyDictionary<string, string> controlIds) => new(
        [.. modelState.Where(e => e.Key.Length == 0).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))],
        [.. findings.Where(f => f.IsError).Select(f => new Item(
            f.Field.Length == 0 ? null : controlIds.GetValueOrDefault(f.Field) ?? Id(prefix + f.Field),
            f.Field.Length == 0 ? null : f.Field, f.Message()))]);

    static string Id(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
