namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// A file input with our own button and file-name text in the page's language (<c>_FileInput.cshtml</c>):
/// Chromium's own control says "Choose File / No file chosen" in English whatever the page's language.
/// </summary>
public sealed record FileInput(string Id, string Name, string Accept, string? DescribedBy = null, bool Small = false);
