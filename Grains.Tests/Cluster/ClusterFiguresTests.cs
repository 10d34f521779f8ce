using Growth.Domain.Figures;
using Growth.Grains.Figures;
using Growth.Grains.Serialization;
using Growth.Grains.Simulation;
using Growth.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Tests.Cluster;

/// <summary>
/// Growing onto a cluster changes no figure: the same seeded simulation on one silo and on three (in-process silos
/// with their own messaging between them) gives exactly the same snapshot. The three silos place every grain at random:
/// the default placement keeps a caller's new grains on its own silo while the silos look alike, which would leave
/// nearly everything on the silo of the simulation.
/// </summary>
public class ClusterFiguresTests
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    static SimulationSettings Small => new()
    {
        Seed = 42, Start = Start, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 3, ExistingCustomers = 30,
    };

    [Fact]
    public async Task The_same_seed_gives_the_same_figures_on_one_silo_and_on_three()
    {
        var (one, _) = await RunAsync(silos: 1);
        var (three, silosWithJourneys) = await RunAsync(silos: 3);

        Assert.True(one.Deals.Won > 0 && one.Journeys > 100, $"the run was too small to say anything ({one.Journeys} journeys, {one.Deals.Won} won)");
        // The work was really spread: the workspace's journeys and shards live on all three silos.
        Assert.True(silosWithJourneys == 3, $"the journeys and shards were on {silosWithJourneys} silo(s) of three");
        Assert.Equal(Figures(one), Figures(three));
    }

    static string Figures(WorkspaceSnapshot s) => System.Text.Json.JsonSerializer.Serialize(s with { Workspace = "", Version = 0 });

    static async Task<(WorkspaceSnapshot Snapshot, int SilosWithJourneys)> RunAsync(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddGrowthGrains().Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3))
            .Services.AddSingleton<PlacementStrategy, RandomPlacement>());
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3)).Services.AddGrowthSerialization());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grains = cluster.Client;
        var sim = grains.GetGrain<ISimulationGrain>("cluster-figures");
        await sim.CreateAsync(Small);
        // 20 days: the first deals are won after about two weeks.
        await sim.RunForAsync(TimeSpan.FromDays(10));
        await sim.RunForAsync(TimeSpan.FromDays(10));
        var snapshot = await grains.GetGrain<IWorkspaceStatisticsGrain>("cluster-figures").RefreshAsync();
        Assert.NotNull(snapshot);
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var silosWithJourneys = statistics.Where(s => s.GrainType.Contains("Journey") && s.ActivationCount > 0).Select(s => s.SiloAddress).Distinct().Count();
        return (snapshot, silosWithJourneys);
    }
}
