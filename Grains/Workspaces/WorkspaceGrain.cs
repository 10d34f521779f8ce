using Growth.Domain.Organisations;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Workspaces;

[GenerateSerializer]
public sealed class WorkspaceRecord
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public WorkspaceKind Kind { get; set; }
    [Id(2)] public Organisation Organisation { get; set; } = new();
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Owns a workspace's existence, kind and organisation; tells the statistics grain and the directory when they change.</summary>
public sealed class WorkspaceGrain(
    [PersistentState("workspace", GrainStorage.Name)] IPersistentState<WorkspaceRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IWorkspaceGrain
{
    string Workspace => this.GetPrimaryKeyString();
    WorkspaceRecord S => record.State;

    public Task<WorkspaceInfo?> GetAsync() => Task.FromResult(S.Exists ? Info() : null);

    public Task<Organisation?> GetOrganisationAsync() => Task.FromResult(S.Exists ? S.Organisation : null);

    public async Task<WorkspaceInfo> EnsureAsync(WorkspaceKind kind) =>
        S.Exists ? Info() : await DefineAsync(kind, new Organisation());

    public async Task<WorkspaceInfo> DefineAsync(WorkspaceKind kind, Organisation organisation)
    {
        if (!Keys.IsValidWorkspace(Workspace)) throw new DomainException(Names.InvalidWorkspace(Workspace));
        var registered = S.Exists && S.Kind == kind;
        if (!S.Exists) S.CreatedAt = time.GetUtcNow();
        (S.Exists, S.Kind, S.Organisation) = (true, kind, organisation);
        await record.WriteStateAsync();
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).SetOrganisationAsync(organisation);
        if (!registered) await GrainFactory.GetGrain<IWorkspaceDirectoryGrain>(0).RegisterAsync(Workspace, kind);
        return Info();
    }

    WorkspaceInfo Info() => new(Workspace, S.Kind, S.CreatedAt);
}
