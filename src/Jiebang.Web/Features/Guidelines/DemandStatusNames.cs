using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>A demand's status named in both languages, for rule messages.</summary>
public static class DemandStatusNames
{
    public static LocalizedText Of(DemandStatus status) => Demands.DemandTerms.Status(status);
}
