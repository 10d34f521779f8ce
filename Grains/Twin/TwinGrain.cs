using Growth.Domain.Twin;
using Growth.Grains.Runtime;

namespace Growth.Grains.Twin;

/// <summary>The twin grain's state: the twin in force and how many were started.</summary>
[GenerateSerializer]
public sealed class TwinGrainRecord
{
    [Id(0)] public TwinRecord? Twin { get; set; }
    /// <summary>Twins started in this workspace so far (the current one's number).</summary>
    [Id(1)] public int Version { get; set; }
}

/// <summary>Keeps a workspace's twin (thin: one record, replaced whole).</summary>
public sealed class TwinGrain(
    [PersistentState("twin", GrainStorage.Name)] IPersistentState<TwinGrainRecord> record) : Grain, ITwinGrain
{
    public Task<TwinRecord?> GetAsync() => Task.FromResult(record.State.Twin);

    public async Task<TwinRecord> SetAsync(TwinRecord twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var version = record.State.Version + 1;
        record.State.Twin = twin with { Version = version };
        record.State.Version = version;
        await record.WriteStateAsync();
        return record.State.Twin;
    }
}
