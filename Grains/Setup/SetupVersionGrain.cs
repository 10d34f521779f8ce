using Growth.Domain.Setup;
using Growth.Grains.Runtime;

namespace Growth.Grains.Setup;

[GenerateSerializer]
public sealed class SetupVersionRecord
{
    [Id(0)] public SetupDocument? Document { get; set; }
}

/// <summary>Keeps one setup version's document.</summary>
public sealed class SetupVersionGrain(
    [PersistentState("setupVersion", GrainStorage.Name)] IPersistentState<SetupVersionRecord> record) : Grain, ISetupVersionGrain
{
    public async Task WriteAsync(SetupDocument document)
    {
        record.State.Document = document;
        await record.WriteStateAsync();
    }

    public Task<SetupDocument?> GetAsync() => Task.FromResult(record.State.Document);
}
