using Growth.Domain.Journeys;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Tests.Import;

/// <summary>Ingestion through the shards on a two-silo cluster: every new message really crosses silos.</summary>
[Collection(ClusterCollection.Name)]
public class IngestionClusterTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    static JourneyEvent E(string id, EventKind kind, double hours, decimal amount = 0) =>
        new() { Id = id, Kind = kind, At = T0 + TimeSpan.FromHours(hours), Amount = amount, TeamId = "t", RepId = "r", RegionId = "g" };

    IJourneyShardGrain ShardOf(string ws, string journeyId) => fixture.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, Keys.ShardOf(journeyId)));

    [Fact]
    public async Task Batches_are_applied_per_journey_duplicates_once_and_figures_reach_the_snapshot()
    {
        const string ws = "ingest-cluster";
        var a = new[] { E("a1", EventKind.LeadCreated, 0), E("a2", EventKind.Qualified, 1), E("a3", EventKind.OpportunityOpened, 2, 900), E("a4", EventKind.Won, 26, 1000) };
        var outcomes = await ShardOf(ws, "deal-a").IngestAsync([new JourneyBatch("deal-a", a)]);
        Assert.All(outcomes[0], o => Assert.Equal(EventResult.Accepted, o.Result));

        var again = await ShardOf(ws, "deal-a").IngestAsync([new JourneyBatch("deal-a", [a[3], E("a5", EventKind.OrderSigned, 27, 1000)])]);
        Assert.Equal([EventResult.Duplicate, EventResult.Accepted], again[0].Select(o => o.Result));

        var unknown = await ShardOf(ws, "ghost").IngestAsync([new JourneyBatch("ghost", [E("g1", EventKind.Won, 1, 5)])]);
        Assert.Equal(EventResult.Rejected, unknown[0][0].Result);
        Assert.Contains("needs a journey that exists", unknown[0][0].Reason);
        Assert.DoesNotContain("ghost", await ShardOf(ws, "ghost").JourneyIdsAsync());

        var statistics = fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        await fixture.Grains.GetGrain<IWorkspaceGrain>(ws).EnsureAsync(WorkspaceKind.Live);
        var snapshot = await statistics.RefreshAsync();
        Assert.Equal((1L, 1000m, 1L), (snapshot!.Deals.Won, snapshot.Deals.WonValue, snapshot.Revenue.Orders));
        var states = await ShardOf(ws, "deal-a").StatesAsync();
        Assert.Contains(states, s => s.Id == "deal-a" && s.Won);
    }
}
