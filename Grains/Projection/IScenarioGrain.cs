using Growth.Domain.Projection;

namespace Growth.Grains.Projection;

/// <summary>A workspace's saved what-if scenarios, by name. Key: workspace.</summary>
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>The saved scenarios, by name.</summary>
    Task<IReadOnlyList<Scenario>> ListAsync();

    /// <summary>Saves (or replaces) a scenario by its name; returns the saved scenarios. Refuses an invalid one or more than <see cref="ScenarioLimits.MaxSaved"/>.</summary>
    Task<IReadOnlyList<Scenario>> SaveAsync(Scenario scenario);

    /// <summary>Deletes a scenario by name (nothing if it is not there); returns the saved scenarios.</summary>
    Task<IReadOnlyList<Scenario>> DeleteAsync(string name);
}

/// <summary>Limits on saved scenarios.</summary>
public static class ScenarioLimits
{
    /// <summary>Most scenarios one workspace keeps.</summary>
    public const int MaxSaved = 20;
    /// <summary>Longest horizon a saved scenario is checked against.</summary>
    public const int MaxWeeks = 104;
}
