using Growth.Dashboard.Application.Workspaces;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Hosting;

/// <summary>Start-up task: the default <c>demo</c> workspace is simulating as soon as the product runs.</summary>
public sealed class DemoWorkspace(SimulationControl simulations, IConfiguration configuration, ILogger<DemoWorkspace> logger) : IHostedService
{
    public const string Name = "demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Demo");
        if (!section.GetValue("Enabled", true)) return;
        var settings = new SimulationSettings();
        section.Bind(settings);
        var status = await simulations.StartAsync(Name, settings);
        logger.LogInformation("Workspace {Workspace} simulating from {Start:d} at {Speed} simulated days per second (seed {Seed})",
            Name, status.Start, status.Speed, status.Seed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
