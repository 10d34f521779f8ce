using Growth.Domain.Ledger;
using Growth.Grains.Figures;

namespace Growth.Dashboard.Application.Ledger;

/// <summary>
/// The money ledger against the live figures: rebuilds a workspace's money figures from its ledger and compares
/// them with the live statistics, and on request makes the live ones the ledger's where they differ.
/// </summary>
public sealed class LedgerAudit(IGrainFactory grains)
{
    public Task<LedgerCheck> CheckAsync(string workspace, bool apply) =>
        grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).CheckLedgerAsync(apply);
}
