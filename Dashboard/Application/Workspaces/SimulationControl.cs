using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Workspaces;

/// <summary>
/// A workspace's simulation: its status, and starting, pausing, resuming, resetting and setting its speed. Who may
/// control it is checked by the caller (the API's access rules, the page's viewer); the grain refuses what is wrong.
/// </summary>
public sealed class SimulationControl(IGrainFactory grains)
{
    ISimulationGrain Simulation(string workspace) => grains.GetGrain<ISimulationGrain>(workspace);

    /// <summary>The simulation's status; unknown if the workspace does not exist.</summary>
    public async Task<Outcome<SimulationStatus>> StatusAsync(string workspace) =>
        await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null
            ? Refusal.UnknownWorkspace(workspace)
            : await Simulation(workspace).GetStatusAsync();

    public Task<SimulationStatus> StartAsync(string workspace, SimulationSettings settings) => Simulation(workspace).StartAsync(settings);
    public Task<SimulationStatus> PauseAsync(string workspace) => Simulation(workspace).PauseAsync();
    public Task<SimulationStatus> ResumeAsync(string workspace) => Simulation(workspace).ResumeAsync();
    public Task<SimulationStatus> ResetAsync(string workspace, ulong? seed) => Simulation(workspace).ResetAsync(seed);
    public Task<SimulationStatus> SetSpeedAsync(string workspace, double daysPerSecond) => Simulation(workspace).SetSpeedAsync(daysPerSecond);
}
