namespace Jiebang.Web.Pages.Shared;

/// <summary>
/// Withdrawing asks first, without script: the button opens a short explanation (what withdrawing
/// means and the deadline to resubmit) with the button that really withdraws.
/// </summary>
/// <param name="Action">The form's action (the page's withdraw handler).</param>
/// <param name="Deadline">The deadline to resubmit by, as the page shows times.</param>
public sealed record ConfirmWithdraw(string Action, string Deadline);
