using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>A demand's files, guarded by the demand's own load-and-check.</summary>
public sealed class DemandFiles(DemandStore store, SaveDemandDraft save, TimeProvider clock)
    : FilingFiles<Demand, DemandStatus, DemandStore.Loaded>(store, save, clock);
