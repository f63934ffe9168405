using Jiebang.Domain.Filings;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiebang.Web.Tests.Features;

/// <summary>The API answers a refused use case by the kind of the rule it broke, never by the code's spelling.</summary>
public sealed class ApiResultsTests
{
    static IResult Answer(params RuleError[] errors) => ApiResults.From(new Outcome<int>(0, errors));

    [Fact]
    public void From_EachKind_AnswersItsStatus()
    {
        Assert.IsType<NotFound>(Answer(AccessErrors.NotFound.At("id")));
        Assert.IsType<ForbidHttpResult>(Answer(AccessErrors.StaffOnly.At("")));
        Assert.IsType<UnauthorizedHttpResult>(Answer(AccessErrors.SignInRequired.At("")));
        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ProblemHttpResult>(Answer(FilingErrors.ChangedMeanwhile.At(""))).StatusCode);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.IsType<ProblemHttpResult>(Answer(UnitErrors.NameRequired.At("name"))).StatusCode);
    }

    [Fact]
    public void From_ConflictBesideAnInvalidValue_IsUnprocessable()
    {
        var answer = Answer(UnitErrors.UsccTaken.At("uscc", "91331181MA2E0T3K5K"), AccountErrors.UserNameRequired.At("userName"));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.IsType<ProblemHttpResult>(answer).StatusCode);
    }
}
