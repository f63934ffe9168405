using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

/// <summary>The owner takes a submitted demand back before the deadline; it is withdrawn until submitted again.</summary>
public sealed class WithdrawDemand(DemandStore store, AuditTrail audit, TimeProvider clock)
    : WithdrawFiling<Demand, DemandStatus, DemandStore.Loaded>(store, audit, clock);
