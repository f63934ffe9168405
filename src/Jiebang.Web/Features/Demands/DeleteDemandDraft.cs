using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>The owner deletes a demand's draft that was never submitted, with the files attached to its fields.</summary>
public sealed class DeleteDemandDraft(DemandStore store, AuditTrail audit)
    : DeleteFilingDraft<Demand, DemandStatus, DemandStore.Loaded>(store, audit);
