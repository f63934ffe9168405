using System.Text.RegularExpressions;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// Fields the bureau's own template puts inside one cell as "label：value" — annex 1's
/// "□1.科学问题：____ □2.技术问题：____" and "国别____单位____产品型号____". A cell is read this way
/// only when it holds two or more of the form's labels (or their aliases) each followed by a colon
/// or blanks, so a lone "单位：" elsewhere is never taken for one.
/// </summary>
static partial class InlineLabels
{
    public static IReadOnlyDictionary<string, string> Find(FormDefinition form, IEnumerable<DocCell> cells)
    {
        var names = form.Fields.Where(f => f.Type is FieldType.Text or FieldType.Phone or FieldType.Email or FieldType.ResidentId)
            .SelectMany(f => new[] { f.LabelZh }.Concat(f.AliasesZh ?? []).Select(name => (Name: name, f.Key)))
            .OrderByDescending(n => n.Name.Length).ToList();
        var pattern = new Regex(
            @"(?:^|[\s□☐☑■√✓×Xx\d\.、．_＿])(?<name>" + string.Join("|", names.Select(n => Regex.Escape(n.Name))) + @")\s*[:：_＿]+",
            RegexOptions.Multiline);
        var found = new Dictionary<string, string>();
        foreach (var cell in cells.Where(c => !c.ContinuesMerge))
        {
            var text = cell.Text;
            var labels = pattern.Matches(text);
            if (labels.Count < 2) continue;
            for (var i = 0; i < labels.Count; i++)
            {
                var key = names.First(n => n.Name == labels[i].Groups["name"].Value).Key;
                var end = i + 1 < labels.Count ? labels[i + 1].Groups["name"].Index : text.Length;
                var value = Blank().Replace(text[(labels[i].Index + labels[i].Length)..end], " ").Trim().TrimEnd('□', '☐', '☑', '■');
                value = Numbering().Replace(value, "").Trim().Trim('_', '＿').Trim();
                if (!found.ContainsKey(key)) found[key] = value;
            }
        }
        return found;
    }

    [GeneratedRegex(@"[_＿]{2,}|\s+")]
    private static partial Regex Blank();

    // The "2." or "□2." that numbers the next item belongs to it, not to this value.
    [GeneratedRegex(@"(?:[□☐☑■√✓]\s*\d+[\.、．]?|(?:^|\s)\d+[\.、．])\s*$")]
    private static partial Regex Numbering();
}
