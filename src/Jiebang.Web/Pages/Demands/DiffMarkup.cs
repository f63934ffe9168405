using Jiebang.Domain.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Jiebang.Web.Pages.Demands;

/// <summary>
/// One side of a changed field: the old text with its deleted words in &lt;del&gt;, or the new one with
/// its inserted words in &lt;ins&gt;, each change also announced in words for screen readers (which do not
/// read the elements out). Written without white space between the pieces, as the cell keeps it.
/// </summary>
public static class DiffMarkup
{
    public static IHtmlContent Side(IReadOnlyList<TextDiff.Piece> pieces, TextDiff.Kind marked, IStringLocalizer l)
    {
        var (element, css, start) = marked == TextDiff.Kind.Deleted
            ? ("del", "bg-danger-subtle text-danger-emphasis", "DiffDeletedStart")
            : ("ins", "bg-success-subtle text-success-emphasis", "DiffInsertedStart");
        var html = new HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Kind == TextDiff.Kind.Same) html.Append(piece.Text);
            else if (piece.Kind == marked)
                html.AppendHtml($"<{element} class=\"{css}\"><span class=\"visually-hidden\">").Append(l[start].Value).AppendHtml("</span>")
                    .Append(piece.Text)
                    .AppendHtml("<span class=\"visually-hidden\">").Append(l["DiffChangeEnd"].Value).AppendHtml($"</span></{element}>");
        }
        return html;
    }
}
