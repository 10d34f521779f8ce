using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Workspaces;

[GenerateSerializer]
public sealed class WorkspaceDirectoryRecord
{
    [Id(0)] public SortedDictionary<string, WorkspaceKind> Workspaces { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The list of workspaces, for pickers; workspace grains register here when they are created or change kind.</summary>
public sealed class WorkspaceDirectoryGrain(
    [PersistentState("workspaces", GrainStorage.Name)] IPersistentState<WorkspaceDirectoryRecord> record) : Grain, IWorkspaceDirectoryGrain
{
    public async Task RegisterAsync(string workspace, WorkspaceKind kind)
    {
        if (!Keys.IsValidWorkspace(workspace)) throw new DomainException(Names.InvalidWorkspace(workspace));
        if (record.State.Workspaces.TryGetValue(workspace, out var known) && known == kind) return;
        record.State.Workspaces[workspace] = kind;
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyList<WorkspaceEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WorkspaceEntry>>(record.State.Workspaces.Select(w => new WorkspaceEntry(w.Key, w.Value)).ToList());
}
