using Growth.Domain.Workspaces;

namespace Growth.Grains.Workspaces;

/// <summary>The names of the workspaces that exist, for pickers. Workspace grains register; pages list.</summary>
public interface IWorkspaceDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string workspace, WorkspaceKind kind);
    Task<IReadOnlyList<WorkspaceEntry>> ListAsync();
}

/// <summary>A workspace and what kind it is.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkspaceEntry([property: Id(0)] string Name, [property: Id(1)] WorkspaceKind Kind);
