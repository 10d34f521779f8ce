using Growth.Domain.Organisations;
using Growth.Domain.Workspaces;
using Orleans.Concurrency;

namespace Growth.Grains.Workspaces;

/// <summary>
/// One workspace: whether it exists, its kind and its organisation. Everything that asks "is there such a
/// workspace?" or "who works in it?" asks here; the statistics grain and the directory hear from it. Key: workspace.
/// </summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>The workspace, or null if nobody has created it.</summary>
    [AlwaysInterleave]
    Task<WorkspaceInfo?> GetAsync();

    /// <summary>The workspace's organisation, or null if it does not exist.</summary>
    [AlwaysInterleave]
    Task<Organisation?> GetOrganisationAsync();

    /// <summary>
    /// Creates the workspace as <paramref name="kind"/> with an empty organisation if it does not exist (groups named
    /// in events still get rows); an existing one keeps its kind and organisation.
    /// </summary>
    Task<WorkspaceInfo> EnsureAsync(WorkspaceKind kind);

    /// <summary>Creates the workspace, or gives an existing one, this kind and organisation (a simulation built or reset, an import).</summary>
    Task<WorkspaceInfo> DefineAsync(WorkspaceKind kind, Organisation organisation);
}

/// <summary>A workspace that exists: its name, kind and when it was created.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkspaceInfo([property: Id(0)] string Name, [property: Id(1)] WorkspaceKind Kind, [property: Id(2)] DateTimeOffset CreatedAt);
