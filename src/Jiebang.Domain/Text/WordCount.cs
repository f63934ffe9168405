using System.Globalization;
using System.Text;

namespace Jiebang.Domain.Text;

/// <summary>
/// Counts 字 the way Microsoft Word's 字数 does, so that a length limit in a notice ("不超过300字")
/// gives the number applicants see in Word:
/// <list type="bullet">
/// <item>each CJK ideograph (extension A and the supplementary planes included), kana and
/// full-width character, punctuation or not, counts one: "，", "“", "——" is two;</item>
/// <item>every other run of characters between spaces and East Asian characters counts one
/// when it holds a letter or digit: "AI芯片2024年" is 1 + 2 + 1 + 1 = 5, and "3.14", "COVID-19"
/// and "don't" are one word each, as in Word;</item>
/// <item>spaces and half-width punctuation standing alone count nothing;</item>
/// <item>each emoji counts one, however many code points it is made of (our choice: a reader
/// sees one symbol, and Word's own count depends on the font).</item>
/// </list>
/// </summary>
public static class WordCount
{
    public static int Count(string? text)
    {
        var count = 0;
        var runHasWord = false;
        var elements = StringInfo.GetTextElementEnumerator(text ?? "");
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var rune = Rune.GetRuneAt(element, 0);
            if (Rune.IsWhiteSpace(rune) || IsEastAsian(rune) || IsEmoji(rune, element))
            {
                if (runHasWord) count++;
                runHasWord = false;
                if (!Rune.IsWhiteSpace(rune)) count++;
            }
            else if (Rune.IsLetterOrDigit(rune)) runHasWord = true;
        }
        return runHasWord ? count + 1 : count;
    }

    static bool IsEastAsian(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // CJK radicals, Kangxi radicals
        >= 0x3001 and <= 0x312F => true,   // CJK symbols and punctuation, kana, bopomofo
        >= 0x31C0 and <= 0x31FF => true,   // CJK strokes, katakana extensions
        >= 0x3400 and <= 0x4DBF => true,   // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true,   // vertical forms
        >= 0xFE30 and <= 0xFE6F => true,   // CJK compatibility forms, small form variants
        >= 0xFF01 and <= 0xFF60 => true,   // full-width ASCII forms
        >= 0xFFE0 and <= 0xFFE6 => true,   // full-width signs: ￥ ￡
        >= 0x20000 and <= 0x3FFFF => true, // extensions B–H and the compatibility supplement
        // Chinese quotation marks, dash, ellipsis and middle dot share code points with English
        // typography; in the Chinese text we count they are full-width marks.
        0x2018 or 0x2019 or 0x201C or 0x201D or 0x2014 or 0x2026 or 0x00B7 => true,
        _ => false,
    };

    static bool IsEmoji(Rune rune, string element) =>
        rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF)
        || element.Contains('\uFE0F'); // variation selector 16: shown as emoji
}
