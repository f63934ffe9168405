namespace Jiebang.Web.Pages.Shared.Forms;

/// <summary>
/// The Word path beside the web form (<c>_WordPath.cshtml</c>): download the blank form, fill it in Word
/// or WPS, import it. A county clerk who knows only Word sees it as a way of its own, not a folded extra.
/// </summary>
/// <param name="TemplateUrl">The round's blank form (.docx).</param>
/// <param name="FilledUrl">The draft as filled so far (.docx), or null while nothing is saved.</param>
/// <param name="RouteFields">The hidden fields that name the draft (or the new form's round and form) for the import's post.</param>
public sealed record WordPath(string? TemplateUrl, string? FilledUrl, IReadOnlyDictionary<string, string> RouteFields);
