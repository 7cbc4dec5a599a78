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
            modelState.AddModelError(refusal.Field.Length == 0 ? string.Empty : prefix + refusal.Field, Text(refusal, L));
        }
    }

    /// <summary>The refusal in the visitor's language, with its arguments (titles, times) put into the translated sentence.</summary>
    public static string Text(Refusal refusal, IStringLocalizer L) =>
        refusal.Arguments.Count == 0
            ? L[refusal.Message]
            : string.Format(System.Globalization.CultureInfo.CurrentCulture, L[refusal.Message], refusal.Arguments.ToArray<object>());
}
