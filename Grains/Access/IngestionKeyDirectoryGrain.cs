using Growth.Domain.Access;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Access;

[GenerateSerializer]
public sealed class IngestionKeyDirectoryRecord
{
    [Id(0)] public List<IngestionKeySummary> Keys { get; set; } = [];
}

public sealed class IngestionKeyDirectoryGrain(
    [PersistentState("keys", GrainStorage.Name)] IPersistentState<IngestionKeyDirectoryRecord> record) : Grain, IIngestionKeyDirectoryGrain
{
    public Task<IReadOnlyList<IngestionKeySummary>> ListAsync() => Task.FromResult<IReadOnlyList<IngestionKeySummary>>(record.State.Keys.ToList());

    public async Task<IngestionKeySummary> CreateAsync(IngestionKeyRecord key)
    {
        if (!Names.IsValidWorkspace(key.Workspace)) throw new DomainException(Names.InvalidWorkspace(key.Workspace));
        await GrainFactory.GetGrain<IIngestionKeyGrain>(key.Id).CreateAsync(key);
        var summary = Summary(key);
        record.State.Keys.Add(summary);
        await record.WriteStateAsync();
        return summary;
    }

    public async Task<IngestionKeySummary?> RevokeAsync(string id, DateTimeOffset at)
    {
        var index = record.State.Keys.FindIndex(k => k.Id == id);
        if (index < 0) return null;
        // The key itself first: from this moment no request gets through with it.
        var revoked = await GrainFactory.GetGrain<IIngestionKeyGrain>(id).RevokeAsync(at);
        if (revoked is null) return null;
        record.State.Keys[index] = revoked;
        await record.WriteStateAsync();
        return revoked;
    }

    internal static IngestionKeySummary Summary(IngestionKeyRecord k) => new(k.Id, k.Workspace, k.Label, k.Created, k.CreatedBy, k.Revoked);
}
