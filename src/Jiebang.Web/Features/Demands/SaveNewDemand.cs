using Jiebang.Web.Data;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>A new demand's first save with content starts it (<see cref="SaveNewFiling{TTarget, TInput}"/>).</summary>
public sealed class SaveNewDemand(StartDemand start, SaveDemandDraft save, JiebangDbContext db)
    : SaveNewFiling<StartDemand.Input, SaveDemandDraft.Input>(start, save, db);
