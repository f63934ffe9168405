using Jiebang.Web.Features;
using Jiebang.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages;

public sealed class IndexModel(ToDoList toDo) : PageModel
{
    public ToDoList.View View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await toDo.ForAsync(User.Actor(), cancellationToken);
}
