using System.Diagnostics;
using System.Text.Json;
using Growth.Domain.Figures;
using Growth.Grains.Figures;
using Growth.Grains.Serialization;
using Growth.Grains.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Growth.Benchmarks;

/// <summary>What one seeded run on a cluster of some silos gave.</summary>
public sealed record ClusterRun(int Silos, string Figures, long Events, double CpuSeconds, double WallSeconds, long Journeys, string JourneysPerSilo)
{
    public double CpuMicrosPerEvent => CpuSeconds * 1e6 / Math.Max(1, Events);
}

/// <summary>
/// The same seeded simulation on one silo and on several, each silo a process of its own on this machine
/// (<see cref="ClusterSilo"/>), driven by an Orleans client in this process: the figures must be the same, and the
/// silos' CPU time per journey event shows what spreading the grains over processes costs.
/// </summary>
public static class ClusterScenario
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The workload: the default demo (seed 42) at full size, a small organisation at quick size.</summary>
    public static (SimulationSettings Settings, int Days) Workload(bool quick) => quick
        ? (new SimulationSettings { Seed = 42, Start = Start, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 3, ExistingCustomers = 30 }, 10)
        : (new SimulationSettings { Seed = 42, Start = Start }, 90);

    public static async Task<ClusterRun> RunAsync(int silos, SimulationSettings settings, int days)
    {
        var clusterId = $"bench-cluster-{Guid.NewGuid():N}";
        var ports = Enumerable.Range(0, silos).Select(_ => (Silo: Measure.FreePort(), Gateway: Measure.FreePort())).ToList();
        var children = new List<ChildProcess>();
        try
        {
            // The primary first: the others join through it.
            foreach (var (silo, gateway) in ports)
                children.Add(await ChildProcess.StartAsync(ClusterSilo.Mode, [ports[0].Silo.ToString(), silo.ToString(), gateway.ToString(), clusterId]));
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client => client.UseLocalhostClustering(ports.Select(p => p.Gateway).ToArray(), clusterId, clusterId)
                .Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10))
                .Services.AddGrowthSerialization());
            using var host = builder.Build();
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await AllJoinedAsync(grains, silos);
            // Warm-up on another workspace: the silos' code is compiled before the measured run (fresh processes).
            await SimulateAsync(grains, "bench-cluster-warm-up", settings, Math.Max(2, days / 5));

            var cpu = children.Sum(c => c.Cpu().TotalSeconds);
            var events = await EventsAsync(children);
            var watch = Stopwatch.StartNew();
            var snapshot = await SimulateAsync(grains, "bench-cluster", settings, days);
            var wall = watch.Elapsed.TotalSeconds;
            var run = new ClusterRun(silos, Figures(snapshot), await EventsAsync(children) - events,
                children.Sum(c => c.Cpu().TotalSeconds) - cpu, wall, snapshot.Journeys, await SpreadAsync(grains));
            await host.StopAsync();
            return run;
        }
        finally
        {
            foreach (var child in children) await child.DisposeAsync();
        }
    }

    static async Task<WorkspaceSnapshot> SimulateAsync(IGrainFactory grains, string workspace, SimulationSettings settings, int days)
    {
        var sim = grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(settings);
        for (var left = days; left > 0; left -= 10) await sim.RunForAsync(TimeSpan.FromDays(Math.Min(10, left)));
        return await grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync()
            ?? throw new InvalidOperationException($"the cluster run of {workspace} has no snapshot");
    }

    /// <summary>The figures of a snapshot without what names the run (workspace, version): equal runs give equal text.</summary>
    public static string Figures(WorkspaceSnapshot s) => JsonSerializer.Serialize(s with { Workspace = "", Version = 0 });

    /// <summary>Journey and shard activations on each silo at the end of the run.</summary>
    static async Task<string> SpreadAsync(IGrainFactory grains) => string.Join(" / ",
        (await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("Journey")).GroupBy(s => s.SiloAddress).Select(g => g.Sum(s => s.ActivationCount).ToString("N0")));

    static async Task<long> EventsAsync(List<ChildProcess> children)
    {
        long sum = 0;
        foreach (var child in children) sum += long.Parse(await child.AskAsync("events", TimeSpan.FromSeconds(30)));
        return sum;
    }

    static async Task AllJoinedAsync(IGrainFactory grains, int silos)
    {
        var watch = Stopwatch.StartNew();
        while ((await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < silos)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"{silos} silos did not all join within 2 minutes");
            await Task.Delay(200);
        }
    }
}
