using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Waits until no other transaction holds the row's turn: the row locked (<c>FOR UPDATE</c>) on PostgreSQL; on
    /// SQLite the calling transaction is already the one writer (BEGIN IMMEDIATE). Call inside the transaction, before reading.
    /// </summary>
    public static async Task TakeRowsTurnAsync<TEntity>(this JiebangDbContext db, int id, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!db.Database.IsNpgsql()) return;
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table");
        // The table name is the model's, never a caller's text; the id goes as a parameter.
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"" + table + "\" WHERE \"Id\" = {0} FOR UPDATE";
        await db.Database.SqlQueryRaw<int>(sql, id)
            .ToListAsync(cancellationToken);
    }
}
