using System.Globalization;

namespace Jiebang.Domain.Rules;

/// <summary>
/// A message argument with a Chinese and an English form, such as a form field's label: a rule
/// message formatted for zh-CN names the field as the annex does, one for English in English.
/// </summary>
public sealed record LocalizedText(string Zh, string En) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture ? For(culture) : ToString();

    /// <summary>The text for the culture: Chinese for any zh culture, English otherwise.</summary>
    public string For(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;

    public override string ToString() => For(CultureInfo.CurrentUICulture);
}
