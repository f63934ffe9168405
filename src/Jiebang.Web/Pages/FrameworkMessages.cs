using Jiebang.Web.Features.Security;

namespace Jiebang.Web.Pages;

/// <summary>
/// Every message a person reads on a page is ours, in the page's language, once: model binding's
/// own English messages are replaced by ours (<see cref="RequestErrors"/>); the implicit [Required]
/// of non-nullable properties is dropped, since each use case checks what it requires and says so
/// beside the field; and no client-side validation attributes, English and unused (our forms post
/// with novalidate), are written into the pages.
/// </summary>
public static class FrameworkMessages
{
    public static IMvcBuilder AddOurMessagesOnly(this IMvcBuilder mvc) => mvc
        .AddMvcOptions(o =>
        {
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = o.ModelBindingMessageProvider;
            m.SetMissingBindRequiredValueAccessor(_ => Missing());
            m.SetMissingKeyOrValueAccessor(Missing);
            m.SetMissingRequestBodyRequiredValueAccessor(Missing);
            m.SetValueMustNotBeNullAccessor(_ => Missing());
            m.SetAttemptedValueIsInvalidAccessor((value, _) => Invalid(value));
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(Invalid);
            m.SetValueIsInvalidAccessor(Invalid);
            m.SetUnknownValueIsInvalidAccessor(_ => Unreadable());
            m.SetNonPropertyUnknownValueIsInvalidAccessor(Unreadable);
            m.SetValueMustBeANumberAccessor(_ => NotANumber());
            m.SetNonPropertyValueMustBeANumberAccessor(NotANumber);
        })
        .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);

    // Called while binding a request, so in the request's culture.
    static string Missing() => RequestErrors.ValueMissing.At("").Message();
    static string Invalid(string value) => RequestErrors.ValueInvalid.At("", value).Message();
    static string Unreadable() => RequestErrors.ValueUnreadable.At("").Message();
    static string NotANumber() => RequestErrors.NotANumber.At("").Message();
}
