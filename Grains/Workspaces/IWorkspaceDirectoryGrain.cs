
namespace Growth.Grains.Workspaces;

/// <summary>The names of the workspaces that exist, for pickers. Called when a workspace is created and when a page lists them.</summary>
public interface IWorkspaceDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string workspace, string kind);
    Task<IReadOnlyList<WorkspaceEntry>> ListAsync();
}

/// <summary>A workspace and what kind it is (simulation, live, ...).</summary>
[GenerateSerializer, Immutable]
public sealed record WorkspaceEntry([property: Id(0)] string Name, [property: Id(1)] string Kind);
