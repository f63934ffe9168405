using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
