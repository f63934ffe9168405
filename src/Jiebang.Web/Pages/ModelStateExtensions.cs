using Jiebang.Domain.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jiebang.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>Shows each broken rule beside its field ("contactPhone" → "Input.ContactPhone").</summary>
    public static void AddRuleErrors(this ModelStateDictionary modelState, IEnumerable<RuleError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var key = error.Field.Length == 0 ? "" : prefix + "." + string.Join('.',
                error.Field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
            modelState.AddModelError(key, error.Message());
        }
    }
}
