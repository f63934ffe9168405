using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features;

/// <summary>
/// A draft's autosave and a submit of the same draft can cross: a save that meets a changed
/// concurrency stamp is tried again on fresh data, so the later save of a draft wins.
/// </summary>
public static class LaterSaveWins
{
    public static async Task<T> RetryingAsync<T>(this JiebangDbContext db, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await save();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 8)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }
}
