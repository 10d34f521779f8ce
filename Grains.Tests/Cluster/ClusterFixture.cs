using Growth.Grains.Serialization;
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

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        // Simulating months in one call takes tens of seconds on a loaded 2-core machine: more than the 30 s default.
        builder.ConfigureSilo((_, silo) => silo.AddGrowthGrains().Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3)));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3)).Services.AddGrowthSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
