using Growth.Domain.Projection;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Projection;

[GenerateSerializer]
public sealed class ScenarioRecord
{
    [Id(0)] public List<Scenario> Scenarios { get; set; } = [];
}

/// <summary>A workspace's saved what-if scenarios. Saving a scenario changes nothing else in the workspace.</summary>
public sealed class ScenarioGrain(
    [PersistentState("scenarios", GrainStorage.Name)] IPersistentState<ScenarioRecord> record) : Grain, IScenarioGrain
{
    public Task<IReadOnlyList<Scenario>> ListAsync() => Task.FromResult(Current());

    public async Task<IReadOnlyList<Scenario>> SaveAsync(Scenario scenario)
    {
        if (scenario is null) throw new DomainException("a scenario is required");
        if (scenario.Validate(ScenarioLimits.MaxWeeks) is { } error) throw new DomainException(error);
        var list = record.State.Scenarios;
        var at = list.FindIndex(s => s.Name == scenario.Name);
        if (at >= 0) list[at] = scenario;
        else if (list.Count >= ScenarioLimits.MaxSaved)
            throw new DomainException($"a workspace keeps at most {ScenarioLimits.MaxSaved} scenarios; delete one first", DomainErrorKind.Conflict);
        else list.Add(scenario);
        await record.WriteStateAsync();
        return Current();
    }

    public async Task<IReadOnlyList<Scenario>> DeleteAsync(string name)
    {
        if (record.State.Scenarios.RemoveAll(s => s.Name == name) > 0) await record.WriteStateAsync();
        return Current();
    }

    IReadOnlyList<Scenario> Current() => record.State.Scenarios.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
}
