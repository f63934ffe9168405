using Jiebang.Domain.Similarity;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Similarity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Similarity;

/// <summary>Two texts side by side with the passages they share highlighted.</summary>
public sealed class CompareModel(DemandSimilarity similarity) : PageModel
{
    public SimilarityRecord A { get; private set; } = null!;
    public SimilarityRecord B { get; private set; } = null!;
    public IReadOnlyList<EvidenceSpan> Spans { get; private set; } = [];
    /// <summary>How alike the two are, when the index finds the second among the first's nearest records.</summary>
    public DemandSimilarity.Similar? Measured { get; private set; }

    public async Task<IActionResult> OnGetAsync(long a, long b, CancellationToken cancellationToken)
    {
        var outcome = await similarity.CompareAsync(User.Actor(), a, b, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        (A, B, Spans, Measured) = outcome.Value;
        return Page();
    }

    /// <summary>The text cut into plain and shared pieces, in order.</summary>
    public static IEnumerable<(string Text, bool Shared)> Pieces(string text, IEnumerable<(int Start, int Length)> spans)
    {
        var at = 0;
        foreach (var (start, length) in spans.OrderBy(s => s.Start))
        {
            if (start < at || start + length > text.Length) continue;
            if (start > at) yield return (text[at..start], false);
            yield return (text.Substring(start, length), true);
            at = start + length;
        }
        if (at < text.Length) yield return (text[at..], false);
    }
}
