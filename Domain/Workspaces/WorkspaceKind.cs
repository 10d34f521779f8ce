namespace Growth.Domain.Workspaces;

/// <summary>Where a workspace's figures come from.</summary>
public enum WorkspaceKind
{
    /// <summary>A simulated organisation: the simulation's clock drives it.</summary>
    Simulation,
    /// <summary>Fed by a CRM through the ingestion API.</summary>
    Live,
    /// <summary>Filled by a CSV import of a CRM's history.</summary>
    Import,
}
