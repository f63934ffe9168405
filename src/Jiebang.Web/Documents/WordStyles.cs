using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiebang.Web.Documents;

/// <summary>
/// The document defaults and font table: 宋体 for East Asian text, declared with its Latin name SimSun
/// and its panose and GB2312 character set, so that Word, WPS and LibreOffice substitute a Song
/// (serif) face where 宋体 is not installed.
/// </summary>
static class WordStyles
{
    public static void AddTo(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = WordText.LatinFont, HighAnsi = WordText.LatinFont, EastAsia = WordText.EastAsianFont, ComplexScript = WordText.LatinFont },
                new FontSize { Val = WordText.Body.ToString() },
                new FontSizeComplexScript { Val = WordText.Body.ToString() },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(
            Font(WordText.EastAsianFont, "SimSun", "02010600030101010101", "86", FontFamilyValues.Auto),
            Font(WordText.LatinFont, null, "02020603050405020304", "00", FontFamilyValues.Roman),
            Font(WordText.SymbolFont, null, "020B0502040204020203", "00", FontFamilyValues.Swiss));
    }

    static Font Font(string name, string? altName, string panose, string charset, FontFamilyValues family)
    {
        var font = new Font { Name = name };
        if (altName is not null) font.Append(new AltName { Val = altName });
        font.Append(new Panose1Number { Val = panose }, new FontCharSet { Val = charset }, new FontFamily { Val = family },
            new Pitch { Val = FontPitchValues.Variable });
        return font;
    }
}
