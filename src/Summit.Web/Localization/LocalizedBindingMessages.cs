using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Summit.Web.Localization;

/// <summary>Model binding's own messages ("The value 'x' is not valid"), in the visitor's language.</summary>
internal static class LocalizedBindingMessages
{
    public static void Apply(MvcOptions options, IStringLocalizer L)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => L["The value '{0}' is not valid.", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => L["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["The value '{0}' is not valid.", value]);
        messages.SetValueMustNotBeNullAccessor(field => L["Enter a value for {0}.", field]);
        messages.SetMissingBindRequiredValueAccessor(field => L["Enter a value for {0}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => L["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => L["A value is required."]);
        messages.SetUnknownValueIsInvalidAccessor(field => L["The value is not valid for {0}.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The value is not valid."]);
        messages.SetValueMustBeANumberAccessor(field => L["{0} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => L["The field must be a number."]);
    }
}
