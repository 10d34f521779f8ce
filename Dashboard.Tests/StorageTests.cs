using Growth.Domain.Journeys;
using Growth.Domain.Projection;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Projection;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>Durable storage and clustering on a real Azurite: what a restart keeps, and a clear refusal when storage is away.</summary>
public class StorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    string[] Durable(string cluster) =>
    [
        "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
        "--Clustering:Kind=AzureTable", $"--Orleans:ClusterId={cluster}", "--Orleans:ServiceId=growth-tests", "--Demo:Enabled=false",
    ];

    static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    static async Task<DashboardHost> StartAsync(params string[] args)
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), args);
        await host.InitializeAsync();
        return host;
    }

    [Fact]
    public async Task Journeys_reps_campaigns_scenarios_simulation_and_figures_survive_a_full_restart()
    {
        var cluster = $"restart-{Guid.NewGuid():N}";
        var first = await StartAsync(Durable(cluster));
        var sim = first.Grains.GetGrain<ISimulationGrain>("durable");
        // Small on purpose: every journey write is a table-storage round trip.
        await sim.CreateAsync(new SimulationSettings { Seed = 12, Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 4, Campaigns = 2, ExistingCustomers = 10, BudgetScale = 0.5 });
        await sim.RunForAsync(TimeSpan.FromDays(8));
        var before = (await first.Grains.GetGrain<IWorkspaceStatisticsGrain>("durable").RefreshAsync())!;
        var status = await sim.GetStatusAsync();
        var journeyId = (await first.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard("durable", 0)).JourneyIdsAsync()).First();
        var journey = await first.Grains.GetGrain<IJourneyGrain>(Keys.Of("durable", journeyId)).GetAsync();
        var org = (await first.Grains.GetGrain<IWorkspaceGrain>("durable").GetOrganisationAsync())!;
        var (rep, team, campaign) = (org.Reps.First(), org.Teams[0], org.Campaigns[0]);
        var repBefore = Json(await first.Grains.GetGrain<IRepGrain>(Keys.Of("durable", rep.Id)).GetProfileAsync());
        var loadsBefore = Json(await first.Grains.GetGrain<ITeamGrain>(Keys.Of("durable", team.Id)).GetLoadsAsync());
        var campaignBefore = Json(await first.Grains.GetGrain<ICampaignGrain>(Keys.Of("durable", campaign.Id)).GetProfileAsync());
        var scenario = new Scenario("Two more reps", new ProjectionLevers
        {
            BudgetScale = new Dictionary<Channel, double> { [campaign.Channel] = 1.5 },
        });
        await first.Grains.GetGrain<IScenarioGrain>("durable").SaveAsync(scenario);
        await first.DisposeAsync();

        var second = await StartAsync(Durable(cluster));
        try
        {
            var after = (await second.Grains.GetGrain<IWorkspaceStatisticsGrain>("durable").GetSnapshotAsync())!;
            Assert.Equal(before.Deals, after.Deals);
            Assert.Equal(before.Revenue, after.Revenue);
            Assert.Equal(before.Journeys, after.Journeys);
            var restored = await second.Grains.GetGrain<IJourneyGrain>(Keys.Of("durable", journeyId)).GetAsync();
            Assert.Equal(journey!.State, restored!.State);
            var simAfter = second.Grains.GetGrain<ISimulationGrain>("durable");
            Assert.Equal(status.SimulatedNow, (await simAfter.GetStatusAsync()).SimulatedNow);
            Assert.Equal(repBefore, Json(await second.Grains.GetGrain<IRepGrain>(Keys.Of("durable", rep.Id)).GetProfileAsync()));
            Assert.Equal(loadsBefore, Json(await second.Grains.GetGrain<ITeamGrain>(Keys.Of("durable", team.Id)).GetLoadsAsync()));
            Assert.Equal(campaignBefore, Json(await second.Grains.GetGrain<ICampaignGrain>(Keys.Of("durable", campaign.Id)).GetProfileAsync()));
            var saved = Assert.Single(await second.Grains.GetGrain<IScenarioGrain>("durable").ListAsync());
            Assert.Equal(Json(scenario), Json(saved));

            // And it carries on from where it was: the persisted schedule drives the journeys on.
            await simAfter.RunForAsync(TimeSpan.FromDays(3));
            var later = (await second.Grains.GetGrain<IWorkspaceStatisticsGrain>("durable").RefreshAsync())!;
            Assert.True(later.Journeys > after.Journeys && later.Deals.Won + later.Deals.Lost >= after.Deals.Won + after.Deals.Lost);
            Assert.Equal("Healthy", await second.Http.GetStringAsync("/health/ready"));
        }
        finally { await second.DisposeAsync(); }
    }

    [Fact]
    public async Task A_host_whose_storage_cannot_be_reached_refuses_to_start_and_says_what_it_tried()
    {
        var closed = DashboardHost.FreePort();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;";
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("--Storage:Kind=AzureTable", $"--Storage:ConnectionString={unreachable}", "--Demo:Enabled=false"));
        var message = Flatten(error);
        Assert.Contains("could not be reached", message);
        Assert.Contains($"127.0.0.1:{closed}", message);
    }

    [Theory]
    [InlineData("--Storage:Kind=Cassandra", "Storage:Kind 'Cassandra' is not one of Memory, AzureTable")]
    [InlineData("--Storage:Kind=AzureTable", "Storage:ConnectionString is empty")]
    [InlineData("--Cluster:Mode=Mesh", "Cluster:Mode 'Mesh' is not one of Embedded, Client")]
    public async Task Wrong_settings_are_refused_naming_the_key(string setting, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(setting, "--Demo:Enabled=false"));
        Assert.Contains(message, Flatten(error));
    }

    static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} | {Flatten(e.InnerException)}";
}
