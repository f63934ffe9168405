using System.Reflection;
using Xunit.v3;

[assembly: Jiebang.Browser.Tests.Infrastructure.AxeCheckAfterEachTest]

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>
/// After each test, waits for the axe checks of the pages it loaded and fails it on any serious or
/// critical finding (rule, page, help address, the elements), in the spirit of GB/T 37668-2019.
/// Set on the assembly, so a new browser test is checked without asking.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class AxeCheckAfterEachTestAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (AxeWatch.Take(test.UniqueID) is not { } watch) return;
        // xunit's After is synchronous; the checks run on Playwright's own connection, not on this thread.
        var findings = watch.CompleteAsync().GetAwaiter().GetResult();
        if (findings.Count > 0)
            throw new AxeFindingsException(findings);
    }
}

public sealed class AxeFindingsException(IReadOnlyList<string> findings) : Exception(
    $"axe-core found {findings.Count} serious or critical accessibility problem(s):\n  " + string.Join("\n  ", findings));
