using Growth.Grains.Runtime;

namespace Growth.Grains.Training;

[GenerateSerializer]
public sealed class ScenarioVersionRecord
{
    [Id(0)] public string? Json { get; set; }
}

/// <summary>Keeps one scenario version's text.</summary>
public sealed class ScenarioVersionGrain(
    [PersistentState("training-scenario-version", GrainStorage.Name)] IPersistentState<ScenarioVersionRecord> record) : Grain, IScenarioVersionGrain
{
    public async Task WriteAsync(string json)
    {
        record.State.Json = json;
        await record.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(record.State.Json);
}
