using Jiebang.Domain.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jiebang.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>
    /// Shows each broken rule beside its field ("contactPhone" → "Input.ContactPhone"). A field whose
    /// value could not even be read already says so (Pages/FrameworkMessages.cs); a rule's finding on
    /// the default put in its place would only confuse, so it is left out.
    /// </summary>
    public static void AddRuleErrors(this ModelStateDictionary modelState, IEnumerable<RuleError> errors, string prefix = "Input")
    {
        var unread = modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet();
        foreach (var error in errors)
        {
            var path = string.Join('.', error.Field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
            // A page's own properties have no prefix ("reason" → "Reason", the control's id), a form's fields have one.
            var key = error.Field.Length == 0 ? "" : prefix.Length == 0 ? path : prefix + "." + path;
            if (key.Length > 0 && unread.Contains(key)) continue;
            modelState.AddModelError(key, error.Message());
        }
    }
}
