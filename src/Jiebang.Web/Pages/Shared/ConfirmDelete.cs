namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// Deleting a draft asks first, without script: the button opens a short warning with the button
/// that really deletes (<c>_ConfirmDelete.cshtml</c>).
/// </summary>
/// <param name="Action">The form's action (the list's delete handler with the draft's id).</param>
/// <param name="Name">The draft as the list names it, read out with the button.</param>
public sealed record ConfirmDelete(string Action, string Name);
