using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Orleans.Concurrency;

namespace Growth.Grains.Simulation;

/// <summary>A workspace's simulation: seed, clock, speed, and the organisation and campaigns it builds. Key: workspace.</summary>
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>Builds the organisation if needed and starts the clock.</summary>
    Task<SimulationStatus> StartAsync(SimulationSettings settings);

    /// <summary>Builds the organisation if needed without starting the clock.</summary>
    Task<SimulationStatus> CreateAsync(SimulationSettings settings);

    Task<SimulationStatus> PauseAsync();
    Task<SimulationStatus> ResumeAsync();
    Task<SimulationStatus> SetSpeedAsync(double daysPerSecond);

    /// <summary>Throws everything away and rebuilds from the seed (the current one if null). Keeps running if it was.</summary>
    Task<SimulationStatus> ResetAsync(ulong? seed);

    /// <summary>Advances simulated time by <paramref name="span"/> at once, independent of the real clock.</summary>
    Task<SimulationStatus> RunForAsync(TimeSpan span);

    Task<SimulationStatus> GetStatusAsync();

    /// <summary>
    /// Hands the simulation a new setup version, which it takes up at the start of its next step (new reps join,
    /// reps who left hand their open leads to their team, targets, campaigns, prices and payment terms change).
    /// Returns false (and keeps nothing) if there is no simulation to take it.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> ApplySetupAsync(int version, SetupDocument setup);

    /// <summary>The behaviour parameters the simulation runs on (calibrated or default), or null if there is no simulation.</summary>
    Task<BehaviourParameters?> GetParametersAsync();
}

/// <summary>Where a workspace's simulation stands.</summary>
[GenerateSerializer, Immutable]
public sealed record SimulationStatus(
    [property: Id(0)] string Workspace,
    [property: Id(1)] bool Created,
    [property: Id(2)] bool Running,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] double Speed,
    [property: Id(5)] DateTimeOffset? Start,
    [property: Id(6)] DateTimeOffset? SimulatedNow,
    [property: Id(7)] long Steps,
    [property: Id(8)] long Leads);
