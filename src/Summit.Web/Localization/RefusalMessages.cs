using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Summit.Core.Editions;

namespace Summit.Web.Localization;

internal static class RefusalMessages
{
    /// <summary>Puts a rule's refusals on the form, in the visitor's language: next to the field they name, or at the top.</summary>
    public static void AddRefusals(this ModelStateDictionary modelState, IEnumerable<Refusal> refusals, IStringLocalizer L, string prefix = "Input.")
    {
        foreach (var refusal in refusals)
        {
            modelState.AddModelError(refusal.Field.Length == 0 ? string.Empty : prefix + refusal.Field, L[refusal.Message]);
        }
    }
}
