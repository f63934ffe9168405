using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Filings;

/// <summary>A step the filer takes on one record of a kind (withdraw it, delete its draft).</summary>
public interface IFilerStep<TResult>
{
    Task<Outcome<TResult>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken);
}

/// <summary>
/// The filer's steps every kind answers alike, under the kind's own group (/api/demands, /api/proposals). The
/// use cases are taken from the request's services, not as handler parameters: the route analyzer of .NET 10
/// fails on a parameter of a type parameter's type (dotnet/aspnetcore#56831).
/// </summary>
public static class FilingApi
{
    /// <summary>Withdraw (answers the status) and delete a draft never submitted (answers 204).</summary>
    public static RouteGroupBuilder MapFilerSteps<TStatus, TWithdraw, TDelete>(this RouteGroupBuilder group)
        where TWithdraw : IFilerStep<TStatus>
        where TDelete : IFilerStep<int>
    {
        group.MapPost("/{id:int}/withdraw", async (int id, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await http.RequestServices.GetRequiredService<TWithdraw>().HandleAsync(http.User.Actor(), id, ct),
                s => Results.Ok(new { status = s })));
        group.MapDelete("/{id:int}", async (int id, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await http.RequestServices.GetRequiredService<TDelete>().HandleAsync(http.User.Actor(), id, ct),
                _ => Results.NoContent()));
        return group;
    }

    /// <summary>A draft saved through the kind's one save path: its id, when, and the findings.</summary>
    public static async Task<IResult> SaveDraftAsync<TInput>(ISaveDraft<TInput> save, HttpContext http, int id, TInput input,
        CancellationToken cancellationToken) =>
        ApiResults.From(await save.HandleAsync(http.User.Actor(), id, input, cancellationToken), s => Results.Ok(new
        {
            s.Id, s.SavedAt, findings = s.Findings.Select(ApiResults.ToFinding),
        }));
}
