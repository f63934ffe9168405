using Jiebang.Web.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Shared;

/// <summary>What a list of filings (我的需求, 我的申报) answers once a draft was deleted, or was not.</summary>
public static class DraftDeletion
{
    /// <summary>Back to the list, saying the draft went or why it did not; not found and forbidden as such.</summary>
    public static IActionResult AfterDelete(this PageModel page, Outcome<int> outcome)
    {
        if (outcome.IsNotFound) return page.NotFound();
        if (outcome.IsForbidden) return page.Forbid();
        if (outcome.Succeeded) page.TempData["Deleted"] = true;
        else page.TempData["Error"] = string.Join("；", outcome.Errors.Select(e => e.Message()));
        return page.RedirectToPage();
    }
}
