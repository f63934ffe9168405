using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Similarity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiebang.Web.Pages.Demands;

/// <summary>Formal review's 查重 view: the records like this demand, ranked, each one click from the evidence.</summary>
public sealed class SimilarModel(DemandSimilarity similarity) : PageModel
{
    public SimilarityRecord Record { get; private set; } = null!;
    public IReadOnlyList<DemandSimilarity.Similar> Similar { get; private set; } = [];
    public double Threshold { get; private set; }
    public int PassageChars { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await similarity.ForReviewAsync(User.Actor(), id, cancellationToken);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return NotFound();
        (Record, Similar, var flagging) = outcome.Value;
        (Threshold, PassageChars) = (flagging.Threshold, flagging.PassageChars);
        return Page();
    }
}

/// <summary>One table of the 查重 view: the flagged records, or the nearest others.</summary>
public sealed record SimilarTableModel(long RecordId, IReadOnlyList<DemandSimilarity.Similar> Rows, string TestId);
