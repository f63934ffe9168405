using Jiebang.Web.Data;

namespace Jiebang.Web.Features;

/// <summary>
/// One use case, one transaction: its changes and its audit entries commit together or not at all,
/// even when a row's generated id must be saved before the entry that names it.
/// </summary>
public static class UnitOfWork
{
    public static async Task<T> InOneTransactionAsync<T>(this JiebangDbContext db, Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The same, committing only when the use case succeeded: a refused step leaves nothing behind.</summary>
    public static async Task<Outcome<T>> InOneTransactionAsync<T>(this JiebangDbContext db, Func<Task<Outcome<T>>> work,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        if (result.Succeeded) await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
