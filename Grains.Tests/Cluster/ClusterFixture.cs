using System.Collections.Concurrent;
using Growth.Grains.Serialization;
using Growth.Grains.Simulation;
using Growth.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Growth.Grains.Tests.Cluster;

/// <summary>One in-process cluster of two silos for the whole collection: grains and their messages really cross silos.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    readonly ConcurrentDictionary<string, Lazy<Task<ISimulationGrain>>> simulated = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        // Simulating months in one call takes tens of seconds on a loaded 2-core machine: more than the 30 s default.
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGrowthGrains().Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3));
            silo.Services.AddSingleton<ActivationWatch>().AddSingleton<IConfigureGrainContextProvider>(sp => sp.GetRequiredService<ActivationWatch>());
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3)).Services.AddGrowthSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// A seeded simulation created and run for <paramref name="span"/> once per cluster, for tests that only read it
    /// (the same seed gives the same workspace, so running it again per test would only cost time).
    /// </summary>
    public Task<ISimulationGrain> SimulatedOnceAsync(string workspace, SimulationSettings settings, TimeSpan span) =>
        simulated.GetOrAdd(workspace, _ => new Lazy<Task<ISimulationGrain>>(async () =>
        {
            var sim = Grains.GetGrain<ISimulationGrain>(workspace);
            await sim.CreateAsync(settings);
            // In slices of at most ten days: each call stays well inside the response timeout on a loaded machine.
            for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromDays(10))
                await sim.RunForAsync(left < TimeSpan.FromDays(10) ? left : TimeSpan.FromDays(10));
            return sim;
        })).Value;

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// A second cluster for the long simulations that share nothing with the other tests (ProjectionTrustTests): the two
/// collections run side by side, so on two cores the long runs no longer queue behind everything else.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LongRunClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster, long runs";
}
