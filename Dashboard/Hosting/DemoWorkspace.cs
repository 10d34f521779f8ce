using Growth.Dashboard.Application.Workspaces;
using Growth.Grains.Simulation;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Hosting;

/// <summary>Start-up task: the default <c>demo</c> workspace is simulating as soon as the product runs.</summary>
/// <summary>
/// Settings: <c>Demo:Enabled</c> (default true) and the simulation's settings under <c>Demo</c> (Seed, Speed, ...), validated at start.
/// </summary>
public sealed class DemoWorkspace(SimulationControl simulations, IConfiguration configuration, IOptionsMonitor<SimulationSettings> demo, ILogger<DemoWorkspace> logger) : IHostedService
{
    public const string Name = "demo";
    /// <summary>The configuration section of the demo simulation.</summary>
    public const string Section = "Demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetSection(Section).GetValue("Enabled", true)) return;
        var settings = demo.Get(Name);
        var status = await simulations.StartAsync(Name, settings);
        logger.LogInformation("Workspace {Workspace} simulating from {Start:d} at {Speed} simulated days per second (seed {Seed})",
            Name, status.Start, status.Speed, status.Seed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
